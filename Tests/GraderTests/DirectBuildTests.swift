import Foundation
import Contracts
import Grader
import Testing
import TestSupport

/// When the fast path may be used: only while the prebuilt library objects are newer than their sources.
@Suite struct DirectBuildTests {
    /// A course linking this package's libraries and `.build/debug`, with its own `Sources/Grader`
    /// holding one file written just now (newer than every prebuilt object).
    @Test func anEditedLibraryFallsBackToSwiftPM() throws {
        let fm = FileManager.default, package = BuiltProducts.packageRoot
        let url = fm.temporaryDirectory.appendingPathComponent("vlm-direct-\(UUID().uuidString)")
        try fm.createDirectory(at: url.appendingPathComponent("Sources/Grader"), withIntermediateDirectories: true)
        try fm.createDirectory(at: url.appendingPathComponent(".build"), withIntermediateDirectories: true)
        for item in ["Sources/TensorKit", "Sources/Contracts", "Sources/Solutions", "Sources/Exercises", "Sources/COpenBLAS", "Sources/TensorKernels"] {
            try fm.createSymbolicLink(at: url.appendingPathComponent(item), withDestinationURL: package.appendingPathComponent(item))
        }
        try fm.createSymbolicLink(at: url.appendingPathComponent(".build/debug"), withDestinationURL: BuiltProducts.directory)
        try Data("// edited after the last build\n".utf8).write(to: url.appendingPathComponent("Sources/Grader/Edited.swift"))
        #expect(DirectBuild.run(CourseRoot(url)) == nil)
        #expect(!fm.fileExists(atPath: url.appendingPathComponent(".build/vlm-course-check/runner").path))
    }

    @Test func withoutPrebuiltObjectsThereIsNoFastPath() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vlm-direct-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url.appendingPathComponent("Sources/Exercises"), withIntermediateDirectories: true)
        #expect(DirectBuild.run(CourseRoot(url)) == nil)
    }
}
