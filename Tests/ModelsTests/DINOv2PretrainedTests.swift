import Foundation
import Models
import Testing

struct DINOv2PretrainedTests {
    @Test func missingModelSaysToRunSetup() {
        let url = URL(fileURLWithPath: "/nonexistent/vit_s_focus.onnx")
        #expect(throws: DINOv2Error.modelMissing(path: url.path)) { try DINOv2Pretrained.verify(url) }
        #expect(DINOv2Error.modelMissing(path: url.path).description.contains("scripts/setup"))
    }

    @Test func truncatedDownloadIsACorruptFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("truncated-\(UUID().uuidString).onnx")
        try Data(repeating: 0, count: 1000).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: DINOv2Error.checksumMismatch(path: url.path, expected: "97447603 bytes", actual: "1000 bytes")) {
            try DINOv2Pretrained.verify(url)
        }
    }
}
