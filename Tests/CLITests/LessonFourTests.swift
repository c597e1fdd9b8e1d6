import Foundation
import Testing

/// `vlm-course show 4 --plain` end to end: lesson 4 runs the pretrained DINOv2 as a cell, or says
/// what to download when the course cache lacks it.
@Suite struct LessonFourTests {
    /// The lines of the `part4.dinov2` cell's output, without their four-column indent (blank
    /// lines, such as an empty row of a map, lose their trailing spaces in the lesson).
    static func cellOutput(_ lesson: String) -> [String] {
        let lines = lesson.split(separator: "\n", omittingEmptySubsequences: false)
        guard let cell = lines.firstIndex(of: "  ╭─ cell part4.dinov2"),
              let output = lines[cell...].firstIndex(of: "  ⤷ output") else { return [] }
        let block = lines[(output + 1)...].prefix { $0.hasPrefix("    ") || $0.isEmpty }
        return block.reversed().drop { $0.isEmpty }.reversed().map { String($0.dropFirst(4)) }
    }

    @Test func withoutTheDownloadTheCellSaysWhatToRun() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("vlm-empty-cache-\(UUID().uuidString)")
        let run = try CourseBinary.run(["show", "4", "--plain"], environment: ["VLM_COURSE_CACHE": empty.path])
        #expect(run.status == 0 && run.standardError == "", "\(run.standardError)")
        #expect(run.standardOutput.hasPrefix("Part 4: Attention visualization with a pretrained model\n"))
        let output = Self.cellOutput(run.standardOutput)
        #expect(output.joined(separator: " ") == "dinov2: the pretrained model '\(empty.path)/vit_s_focus.onnx' is "
            + "missing. Run scripts/setup to download it (90 MB, once). Then this cell draws the maps, and "
            + "`vlm-course attention` runs the same model on any photo (--image FILE).")
        #expect(output.allSatisfy { $0.count <= 76 })   // COLUMNS=80, less the indent
    }

    static var cache: URL { AttentionCommandTests.cacheModel.deletingLastPathComponent() }

    static var downloaded: Bool {
        FileManager.default.fileExists(atPath: AttentionCommandTests.cacheModel.path)
            && FileManager.default.fileExists(atPath: cache.appendingPathComponent("photos/coffee.png").path)
    }

    @Test(.enabled(if: downloaded, "run scripts/setup to fetch DINOv2 and the sample photos"))
    func withTheDownloadTheCellDrawsTheMapsOverThePhoto() throws {
        let run = try CourseBinary.run(["show", "4", "--plain"], environment: ["VLM_COURSE_CACHE": Self.cache.path])
        #expect(run.status == 0 && run.standardError == "", "\(run.standardError)")
        #expect(!run.standardOutput.contains("\u{1B}"))
        let output = Self.cellOutput(run.standardOutput)
        #expect(output.first == "DINOv2 ViT-S/14 on coffee.png, 224×224: 16×16 patches of 14 px, 257 tokens")
        let titles = output.filter { $0.hasPrefix("photo ") || $0.hasPrefix("head ") || $0.hasPrefix("layer ") }
        #expect(titles.map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") } == [
            "photo mean of heads", "head 0 head 1", "head 2 head 3", "head 4 head 5",
            "layer 0 layer 3", "layer 6 layer 9", "layer 11",
        ])
        #expect(output.allSatisfy { $0.count <= 76 })
    }
}
