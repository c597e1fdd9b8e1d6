import Foundation

/// The folder holding the course: `Package.swift` next to `Sources/Exercises`. Every command finds
/// it the same way: `VLM_COURSE_ROOT` when set, otherwise the current directory or its nearest parent
/// that is a course.
public struct CourseRoot: Sendable, Equatable {
    public let url: URL

    public init(_ url: URL) { self.url = url.standardizedFileURL }

    public enum Failure: Error, CustomStringConvertible, Equatable {
        case notFound(String)
        case badOverride(String)
        public var description: String {
            switch self {
            case .notFound(let start):
                "no course found in \(start) or its parents (looking for Package.swift next to Sources/Exercises); "
                    + "run vlm-course inside your course folder, or set VLM_COURSE_ROOT"
            case .badOverride(let path):
                "VLM_COURSE_ROOT is \(path), which holds no Package.swift and Sources/Exercises; fix or unset it"
            }
        }
    }

    /// `VLM_COURSE_ROOT` if set, else `currentDirectory` or the nearest parent that is a course.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment,
                              currentDirectory: String = FileManager.default.currentDirectoryPath)
        throws(Failure) -> CourseRoot {
        if let override = environment["VLM_COURSE_ROOT"], !override.isEmpty {
            let url = URL(fileURLWithPath: override)
            guard isCourse(url) else { throw .badOverride(override) }
            return CourseRoot(url)
        }
        let start = URL(fileURLWithPath: currentDirectory)
        var candidate = start
        while true {
            if isCourse(candidate) { return CourseRoot(candidate) }
            let parent = candidate.deletingLastPathComponent()
            if parent.path == candidate.path { throw .notFound(start.path) }
            candidate = parent
        }
    }

    static func isCourse(_ url: URL) -> Bool {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        return fm.fileExists(atPath: url.appendingPathComponent("Package.swift").path)
            && fm.fileExists(atPath: url.appendingPathComponent("Sources/Exercises").path, isDirectory: &isDirectory)
            && isDirectory.boolValue
    }

    /// `relative` inside the course.
    public func file(_ relative: String) -> URL { url.appendingPathComponent(relative) }
    /// The absolute path of `relative` inside the course.
    public func path(_ relative: String) -> String { file(relative).path }
    public var fixtures: URL { file("Tests/Fixtures") }
    public var stateDirectory: URL { file(".vlm-course") }

    /// `Sources/Exercises/Part1/X.swift` → `Sources/Solutions/Part1/X.swift` / `Stubs/Part1/X.swift`.
    public func solutionFile(_ exerciseFile: String) -> URL {
        file(exerciseFile.replacingOccurrences(of: "Sources/Exercises/", with: "Sources/Solutions/"))
    }

    public func stubFile(_ exerciseFile: String) -> URL {
        file(exerciseFile.replacingOccurrences(of: "Sources/Exercises/", with: "Stubs/"))
    }
}
