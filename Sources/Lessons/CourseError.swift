/// A problem the learner can fix; the CLI prints `description` on one line and exits with 2.
public enum CourseError: Error, Equatable, CustomStringConvertible {
    /// No directory from `start` upwards holds `Package.swift` and `lessons/`.
    case rootNotFound(start: String)
    /// `VLM_COURSE_ROOT` names a directory without `lessons/`.
    case badRootOverride(String)
    /// No lesson matches what was asked for.
    case unknownLesson(String, count: Int)
    /// A file that should exist cannot be read.
    case unreadable(path: String)
    /// A file exists but its content is not usable.
    case malformed(path: String, reason: String)

    /// One line: what is wrong and what to do about it.
    public var description: String {
        switch self {
        case .rootNotFound(let start):
            "no course found in \(start) or its parents (looked for Package.swift and lessons/); "
                + "run vlm-course inside the course folder or set VLM_COURSE_ROOT"
        case .badRootOverride(let path):
            "VLM_COURSE_ROOT=\(path) has no lessons/ folder; point it at the course folder or unset it"
        case .unknownLesson(let selector, let count):
            "no lesson '\(selector)'; use a number from 1 to \(count) or a slug from `vlm-course lessons`"
        case .unreadable(let path):
            "cannot read \(path); restore it with `git checkout -- \(path)`"
        case .malformed(let path, let reason):
            "\(path) is malformed: \(reason); fix the file or restore it with `git checkout -- \(path)`"
        }
    }
}
