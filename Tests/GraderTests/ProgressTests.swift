import Foundation
import Contracts
import Grader
import Testing

@Suite struct ProgressTests {
    /// A throwaway course folder: Package.swift, Sources/Exercises, and a progress file.
    static func makeCourse(progress: String? = nil) throws -> CourseRoot {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vlm-progress-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url.appendingPathComponent("Sources/Exercises"), withIntermediateDirectories: true)
        try Data().write(to: url.appendingPathComponent("Package.swift"))
        if let progress {
            try FileManager.default.createDirectory(at: url.appendingPathComponent(".vlm-course"), withIntermediateDirectories: true)
            try Data(progress.utf8).write(to: url.appendingPathComponent(".vlm-course/progress.json"))
        }
        return CourseRoot(url)
    }

    @Test func keepsTheLessonsKeysAndOrdersDoneByCourse() throws {
        let root = try Self.makeCourse(progress: #"{"quiz": {"q1": true}, "done": ["vlm-mask"]}"#)
        var progress = try CourseProgress(root: root)
        progress.record(.causalMask, passed: true)
        progress.setHintLevel(.vlmMask, 2)
        try progress.save()
        let saved = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: progress.file)) as? [String: Any])
        #expect(saved["done"] as? [String] == ["causal-mask", "vlm-mask"])
        #expect(saved["hints"] as? [String: Int] == ["vlm-mask": 2])
        #expect((saved["quiz"] as? [String: Bool]) == ["q1": true])
    }

    @Test func aPieceThatNoLongerPassesLeavesDone() throws {
        var progress = try CourseProgress(root: try Self.makeCourse(progress: #"{"done": ["causal-mask"]}"#))
        progress.record(.causalMask, passed: false)
        #expect(progress.done.isEmpty)
    }

    @Test func brokenJSONIsAClearError() throws {
        let root = try Self.makeCourse(progress: "{not json")
        #expect(throws: CourseProgress.Failure.self) { try CourseProgress(root: root) }
        do { _ = try CourseProgress(root: root) } catch {
            #expect("\(error)".hasSuffix("fix the JSON or delete the file to start fresh"))
        }
    }

    @Test func theCourseRootIsFoundFromTheEnvironmentOverride() throws {
        let root = try Self.makeCourse()
        #expect(try CourseRoot.locate(environment: ["VLM_COURSE_ROOT": root.url.path]).url.path == root.url.path)
        #expect(throws: CourseRoot.Failure.self) { try CourseRoot.locate(environment: ["VLM_COURSE_ROOT": "/nonexistent"]) }
    }
}
