#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// The course folder: the one holding `Package.swift` and `lessons/`.
///
/// Found by `VLM_COURSE_ROOT` when set, otherwise by walking up from the current directory.
public struct CourseFolder: Equatable, Sendable {
    /// Absolute path, without a trailing slash.
    public let path: String

    /// A root at `path` (absolute, no trailing slash), taken as is.
    public init(path: String) {
        self.path = path
    }

    /// `relative` inside the root.
    public func path(_ relative: String) -> String {
        path + "/" + relative
    }

    /// The root for `environment` and `currentDirectory`.
    /// - Throws: `CourseError.badRootOverride` or `CourseError.rootNotFound`.
    public static func locate(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: String = FileManager.default.currentDirectoryPath
    ) throws(CourseError) -> CourseFolder {
        if let override = environment["VLM_COURSE_ROOT"], !override.isEmpty {
            let trimmed = override.count > 1 && override.hasSuffix("/") ? String(override.dropLast()) : override
            guard isDirectory(trimmed + "/lessons") else { throw .badRootOverride(override) }
            return CourseFolder(path: trimmed)
        }
        var candidate = currentDirectory
        while true {
            if FileManager.default.fileExists(atPath: candidate + "/Package.swift") && isDirectory(candidate + "/lessons") {
                return CourseFolder(path: candidate)
            }
            guard let slash = candidate.lastIndex(of: "/"), candidate != "/" else { break }
            candidate = slash == candidate.startIndex ? "/" : String(candidate[..<slash])
        }
        throw .rootNotFound(start: currentDirectory)
    }

    private static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }
}
