import Foundation

/// Where the tests find the course: this package, built by `swift build --build-tests`.
enum CoursePaths {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let buildFolder = root.appendingPathComponent(".build/debug")
    static let binary = buildFolder.appendingPathComponent("vlm-course")
    static let solutions = root.appendingPathComponent("Sources/Solutions")
    static let stubs = root.appendingPathComponent("Stubs")

    /// The parent of this test process's scratch folders, removed when the process exits.
    private static let processScratch: URL = {
        atexit { try? FileManager.default.removeItem(at: CoursePaths.processScratchPath) }
        return processScratchPath
    }()
    private static var processScratchPath: URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("vlm-batch-tests-\(getpid())")
    }

    /// A fresh temporary folder for one test (inside `processScratch`).
    static func scratch(_ name: String) throws -> URL {
        let url = processScratch.appendingPathComponent(name)
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
