import Contracts

/// A problem the learner can fix; the CLI prints `description` on one line and exits with 2.
public enum CourseError: Error, Equatable, CustomStringConvertible {
    /// No course folder was found (`CourseRoot.locate`).
    case noCourse(CourseRoot.Failure)
    /// No lesson matches what was asked for.
    case unknownLesson(String, labels: [String])
    /// A file that should exist cannot be read.
    case unreadable(path: String)
    /// A file exists but its content is not usable.
    case malformed(path: String, reason: String)

    /// One line: what is wrong and what to do about it.
    public var description: String {
        switch self {
        case .noCourse(let failure):
            failure.description
        case .unknownLesson(let selector, let labels):
            "no lesson '\(selector)'; use one of \(labels.joined(separator: ", ")) or a slug from `vlm-course lessons`"
        case .unreadable(let path):
            "cannot read \(path); restore it with `git checkout -- \(path)`"
        case .malformed(let path, let reason):
            "\(path) is malformed: \(reason); fix the file or restore it with `git checkout -- \(path)`"
        }
    }
}
