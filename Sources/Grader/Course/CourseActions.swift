import Contracts
import Foundation

/// The learner's actions on one piece: the next hint, the reference solution, a reset to the stub.
public struct CourseActions {
    public let root: CourseRoot

    public init(root: CourseRoot) { self.root = root }

    public enum Failure: Error, CustomStringConvertible {
        case unknownExercise(String)
        case notPassedYet(String)
        case missingFile(String)
        public var description: String {
            switch self {
            case .unknownExercise(let id):
                "unknown exercise \"\(id)\"; use one of \(Catalog.idList)"
            case .notPassedYet(let id):
                "the solution of \(id) is shown once your version passes (vlm-course check \(id)); "
                    + "add --force to see it now"
            case .missingFile(let path):
                "\(path) is missing from the course; restore it from the course repository"
            }
        }
    }

    public static func exercise(_ id: String) throws -> ExerciseInfo {
        guard let piece = PieceID(rawValue: id) else { throw Failure.unknownExercise(id) }
        return piece.info
    }

    /// Reveals the next hint level (the last one again once all are shown).
    public func nextHint(_ id: String) throws -> (level: Int, of: Int, text: String) {
        let piece = try Self.exercise(id).piece
        let levels = Hints.levels(for: piece)
        var progress = try CourseProgress(root: root)
        let level = min(progress.hintLevel(piece) + 1, levels.count)
        progress.setHintLevel(piece, level)
        try progress.save()
        return (level, levels.count, levels[level - 1])
    }

    /// The reference solution as a drop-in file (`SolvedFile`), once the piece is done (or when forced).
    public func solution(_ id: String, force: Bool) throws -> (path: String, text: String) {
        let exercise = try Self.exercise(id)
        guard try force || CourseProgress(root: root).isDone(exercise.piece) else { throw Failure.notPassedYet(id) }
        return (exercise.file + ", solved with the reference", try SolvedFile.text(exercise.piece, root: root))
    }

    /// Copies the pristine stub over the learner's file, keeping their version in
    /// `.vlm-course/backups/`; returns the backup's path.
    public func reset(_ id: String) throws -> String {
        let exercise = try Self.exercise(id)
        let stub = root.stubFile(exercise.file), target = root.file(exercise.file)
        guard let pristine = FileManager.default.contents(atPath: stub.path) else { throw Failure.missingFile(stub.path) }
        let backups = root.stateDirectory.appendingPathComponent("backups")
        try FileManager.default.createDirectory(at: backups, withIntermediateDirectories: true)
        let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "-")
        let backup = backups.appendingPathComponent("\(target.deletingPathExtension().lastPathComponent)-\(stamp).swift")
        if let current = FileManager.default.contents(atPath: target.path) { try current.write(to: backup) }
        try pristine.write(to: target, options: .atomic)
        var progress = try CourseProgress(root: root)
        progress.record(exercise.piece, passed: false)
        try progress.save()
        return backup.path.replacingOccurrences(of: root.url.path + "/", with: "")
    }
}
