@testable import Demos
import Foundation
import Images
import Models
import TensorKit
import Testing

/// Lesson 4's `part4.dinov2` cell: the pretrained DINOv2's report on coffee.png, or one paragraph
/// saying what to download when the course cache lacks it.
@Suite struct DINOv2CellTests {
    /// With an empty cache the cell prints the loader's missing-model message and what to run,
    /// wrapped to the cell's 80 columns. The cache folder comes from `VLM_COURSE_CACHE`, so a child
    /// process sets it (an exit test) rather than this one, whose other tests read the real cache.
    @Test func withoutTheDownloadItSaysToRunSetup() async throws {
        let result = await #expect(processExitsWith: .success, observing: [\.standardOutputContent]) {
            let empty = FileManager.default.temporaryDirectory
                .appendingPathComponent("vlm-empty-cache-\(UUID().uuidString)")
            try? FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: empty) }
            setenv("VLM_COURSE_CACHE", empty.path, 1)
            print(empty.path)
            print(DemoCells.run("part4.dinov2") ?? "no cell part4.dinov2", terminator: "")
        }
        let output = String(decoding: try #require(result).standardOutputContent, as: UTF8.self)
        var lines = output.split(separator: "\n").map(String.init)
        let cache = try #require(lines.first)
        lines.removeFirst()
        let missing = DINOv2Error.modelMissing(path: cache + "/vit_s_focus.onnx").description
        #expect(missing == "dinov2: the pretrained model '\(cache)/vit_s_focus.onnx' is missing. "
            + "Run scripts/setup to download it (90 MB, once).")
        #expect(lines.joined(separator: " ") == missing + " Then this cell draws the maps, and "
            + "`vlm-course attention` runs the same model on any photo (--image FILE).")
        #expect(lines.count >= 3 && lines.allSatisfy { $0.count <= 80 }, "\(lines)")
    }

    /// A photo that cannot be read gets the reader's message, which names the file, and what to run.
    @Test func anUnreadablePhotoIsNamedWithTheAdvice() {
        let corrupt = ImageFileError.corrupt(file: "/cache/photos/coffee.png", format: "PNG", reason: "CRC error")
        #expect(Part4Cells.withoutDownload(corrupt) == "'/cache/photos/coffee.png' is not a valid PNG file "
            + "(CRC error); it may be truncated or corrupt. Run scripts/setup to fetch the sample photos. Then "
            + "this cell draws the maps, and `vlm-course attention` runs the same model on any photo (--image FILE).")
    }

    static var downloaded: Bool {
        DINOv2Pretrained.isAvailable && FileManager.default.fileExists(atPath: CourseCache.photo("coffee.png").path)
    }

    /// With the model: the caption names the photo, and there is a panel per head of the last layer,
    /// the mean and the layer grid, two 32-column panels a row in a 76-column cell, each map varying.
    @Test(.enabled(if: downloaded, "run scripts/setup to fetch DINOv2 and the sample photos"))
    func withTheModelItDrawsEveryHeadAndTheMeanOverThePhoto() throws {
        let text = try #require(DemoCells.cell("part4.dinov2")).run(color: false, width: 76)
        #expect(text.hasPrefix("DINOv2 ViT-S/14 on coffee.png, 224×224: 16×16 patches of 14 px, 257 tokens\n"
            + "Layer 11: the class token's attention over the patches, per head and mean\n"))
        #expect(!text.contains("\u{1B}"))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.allSatisfy { $0.count <= 76 })
        let panels = Self.panels(lines)
        let maps = ["mean of heads"] + (0..<6).map { "head \($0)" } + [0, 3, 6, 9, 11].map { "layer \($0)" }
        #expect(panels.keys.sorted() == (["photo"] + maps).sorted())
        for title in maps {
            let rows = try #require(panels[title])
            #expect(rows.count == 16 && rows.allSatisfy { $0.count == 32 }, "\(title)")
            let levels = Set(rows.joined())   // the maximum is "@", near-zero attention " "
            #expect(levels.contains("@") && levels.contains(" "), "\(title): \(levels.sorted())")
        }
        #expect(Set(try #require(panels["mean of heads"]).joined()).count >= 6)
        #expect(Set(try #require(panels["layer 0"]).joined()) == ["@", " "])   // one patch takes it all
        #expect(panels["head 3"] != panels["mean of heads"])
    }

    /// The numbers lesson 4 quotes for coffee.png: in layer 0 head 5 gives 98 % of its attention to
    /// one patch; in layer 3 heads 1 and 4 keep at least 89 % for the class token; in layer 11
    /// every head keeps less than 10 %, and head 3's map is anti-correlated (−0.21) with the mean
    /// of the other five.
    @Test(.enabled(if: downloaded, "run scripts/setup to fetch DINOv2 and the sample photos"))
    func theLessonsNumbersForCoffee() throws {
        let model = try DINOv2Pretrained.load()
        let photo = try RGBImage(contentsOf: CourseCache.photo("coffee.png"))
        let attentions = model(DINOv2ImageProcessor(cropSize: 224)(photo)).attentions   // 12 × [1, 6, 257, 257]
        let classRow = { (layer: Int, head: Int) in attentions[layer][index: 0][index: head][index: 0].scalars }
        #expect((classRow(0, 5).dropFirst().max() ?? 0) > 0.975)
        #expect(classRow(3, 1)[0] > 0.89 && classRow(3, 4)[0] > 0.89)
        #expect((0..<6).allSatisfy { classRow(11, $0)[0] < 0.1 })
        let patches = (0..<6).map { Array(classRow(11, $0).dropFirst()) }
        let others = (0..<256).map { i in [0, 1, 2, 4, 5].map { patches[$0][i] }.reduce(0, +) / 5 }
        #expect(abs(Self.correlation(patches[3], others) + 0.21) < 0.01)
    }

    /// Pearson's correlation of two equally long series.
    static func correlation(_ x: [Float], _ y: [Float]) -> Float {
        let (mx, my) = (x.reduce(0, +) / Float(x.count), y.reduce(0, +) / Float(y.count))
        let dx = x.map { $0 - mx }, dy = y.map { $0 - my }
        let norms = (dx.map { $0 * $0 }.reduce(0, +) * dy.map { $0 * $0 }.reduce(0, +)).squareRoot()
        return zip(dx, dy).map(*).reduce(0, +) / norms
    }

    /// The plain panels by title: each title row (titles padded to 32 columns, one space apart)
    /// is followed by 16 rows of 32 characters per panel.
    static func panels(_ lines: [String]) -> [String: [String]] {
        var panels: [String: [String]] = [:]
        for (i, line) in lines.enumerated()
        where line.hasPrefix("photo ") || line.hasPrefix("head ") || line.hasPrefix("layer ") {
            let columns = Array(line)
            for start in stride(from: 0, to: columns.count, by: 33) {
                let title = String(columns[start..<min(start + 32, columns.count)]).trimmingCharacters(in: .whitespaces)
                panels[title] = lines[(i + 1)..<min(i + 17, lines.count)].map { row in
                    let chars = Array(row) + Array(repeating: Character(" "), count: max(0, start + 32 - row.count))
                    return String(chars[start..<(start + 32)])
                }
            }
        }
        return panels
    }
}
