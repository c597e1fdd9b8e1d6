@testable import Demos
import Foundation
import Models
import Testing

/// Lesson 4's analysis cells: rollout, distance and entropy of DINOv2 on coffee.png, within the
/// cell's width; without the download, what to run.
@Suite struct AnalysisCellsTests {
    @Test func withoutTheDownloadItSaysWhatToRun() {
        let missing = AttentionInputError.noModel(path: "/cache/vit_s_focus.onnx")
        #expect(Part4AnalysisCells.withoutDownload(missing).hasSuffix(" Then this cell shows the analysis, and "
            + "`vlm-course analyze` runs it on any photo (--image FILE)."))
        #expect(Part4AnalysisCells.withoutDownload(missing).hasPrefix("no model to run. The course's default"))
    }

    @Test(.enabled(if: DINOv2CellTests.downloaded, "run scripts/setup to fetch DINOv2 and the sample photos"),
          arguments: [("part4.rollout", "Rollout through all 12 layers beside layer 11's own class-token map (mean of"),
                      ("part4.distance", "Mean attention distance per head, pixels (marks: heads 0–5; image 224 px)"),
                      ("part4.entropy", "Attention entropy per head in nats (0: one key; ln 257 = 5.55: all alike)")])
    func withTheModelEachCellDrawsItsPartWithinTheWidth(id: String, firstLine: String) throws {
        let text = try #require(DemoCells.cell(id)).run(color: false, width: 76)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first == firstLine)
        #expect(lines.allSatisfy { $0.count <= 76 }, "\(lines.filter { $0.count > 76 })")
        #expect(!text.contains("\u{1B}"))
        if id == "part4.entropy" {
            #expect(lines.count == 14 && lines[2].hasPrefix("layer  0 ") && lines[13].hasPrefix("layer 11 "))
        }
    }
}
