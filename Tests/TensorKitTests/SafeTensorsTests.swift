import Foundation
import Testing
@testable import TensorKit
import TestSupport

/// Builds safetensors files byte by byte in a fresh temporary directory.
enum RawSafeTensors {
    static func directory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("safetensors-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// `declaredLength` (default: the header's byte count) as UInt64 LE, then `header`, then `data`.
    static func bytes(header: String, data: [UInt8] = [], declaredLength: UInt64? = nil) -> [UInt8] {
        let h = Array(header.utf8)
        return withUnsafeBytes(of: (declaredLength ?? UInt64(h.count)).littleEndian, Array.init) + h + data
    }

    /// Writes `bytes` to `<temp>/<name>` and returns its URL.
    static func write(_ bytes: [UInt8], name: String) throws -> URL {
        let url = try directory().appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    static func le<T: FixedWidthInteger>(_ values: [T]) -> [UInt8] {
        values.flatMap { withUnsafeBytes(of: $0.littleEndian, Array.init) }
    }
}

@Suite struct SafeTensorsTests {
    @Test func readsFixtureShapesValuesAndMetadata() throws {
        let file = try Fixtures.safetensors("part2_vit_attention.safetensors")
        #expect(file.names == ["attn_weights", "output", "patch_tokens", "proj.bias", "proj.weight", "qkv.bias", "qkv.weight"])
        #expect(file.metadata["seed"] == "42")
        let info = try file.info("qkv.weight")
        #expect(info.dtype == .f32 && info.shape == [192, 64])
        let w = try file.tensor("qkv.weight")
        #expect(w.shape == [192, 64])
        #expect(Array(w.scalars.prefix(4)).map(\.bitPattern) == [0x3DC3_B8CC, 0x3DD4_7B66, 0xBCEF_E520, 0x3DEB_2A1C])
        #expect(try file.tensor("proj.bias")[63] == 0.12040404975414276)
        #expect(try file.tensor("attn_weights").shape == [1, 4, 16, 16])
    }

    @Test func f32TensorsAreZeroCopyAndOutliveTheFileValue() throws {
        let w: Tensor = try {
            let file = try Fixtures.safetensors("part2_patch_embedding.safetensors")
            return try file.tensor("proj.weight")
        }()
        #expect(w.storage.isBorrowed)
        #expect(w.shape == [768, 3, 16, 16])
        let expected = RandomGenerator(seed: 42).uniform([16], from: Float(-1 / 768.0.squareRoot()),
                                                         to: Float(1 / 768.0.squareRoot()))
        #expect(Array(w.scalars.prefix(16)) == expected.scalars)  // the mapping is still alive
        var copy = w
        copy[0, 0, 0, 0] = 5  // writing copies instead of touching the read-only map
        #expect(copy[0, 0, 0, 0] == 5 && w[0, 0, 0, 0] != 5 && !copy.storage.isBorrowed)
    }

    /// A mapped tensor's pages leave this process's resident memory (the mapping's `Rss` in
    /// /proc/self/smaps) and come back with the same values; owned tensors are left alone.
    @Test func releasingMappedPagesKeepsTheValues() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("release-\(UUID().uuidString).safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        var rng = SplitMix(seed: 3)
        let big = Tensor(shape: [1024, 1024], scalars: rng.floats(1 << 20)), small = Tensor([1, 2, 3])
        try SafeTensors.write(["big": big, "small": small], to: url)
        let file = try SafeTensorsFile(contentsOf: url)
        let mapped = try file.tensor("big"), neighbour = try file.tensor("small")
        #expect(mapped.scalars == big.scalars)                              // every page read once
        let before = try #require(residentKilobytes(containing: mapped), "no /proc/self/smaps entry for the mapping")
        mapped.releaseMappedPages()
        let after = try #require(residentKilobytes(containing: mapped), "no /proc/self/smaps entry for the mapping")
        #expect(before - after >= 4000, "Rss of the mapping: \(before) kB before, \(after) kB after")
        #expect(mapped.scalars == big.scalars && neighbour.scalars == [1, 2, 3])
        let owned = big + 0
        owned.releaseMappedPages()
        #expect(owned.scalars == big.scalars)
    }

    /// The `Rss:` of the /proc/self/smaps entry whose address range holds the tensor's first element.
    private func residentKilobytes(containing tensor: Tensor) -> Int? {
        // Read to the end: /proc files report a size of 0.
        guard let data = FileHandle(forReadingAtPath: "/proc/self/smaps")?.readDataToEndOfFile(),
              let smaps = String(data: data, encoding: .utf8) else { return nil }
        let address = UInt(bitPattern: tensor.storage.base + tensor.offset)
        var inside = false
        for line in smaps.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            if let range = fields.first, range.contains("-"), !range.hasSuffix(":") {
                let bounds = range.split(separator: "-").compactMap { UInt($0, radix: 16) }
                inside = bounds.count == 2 && bounds[0] <= address && address < bounds[1]
            } else if inside, fields.first == "Rss:", fields.count > 1 {
                return Int(fields[1])
            }
        }
        return nil
    }

    @Test func readsU8MasksAsMasks() throws {
        let file = try Fixtures.safetensors("part3_vlm_mask.safetensors")
        #expect(try file.info("mask_4_4").dtype == .u8)
        let m = try file.mask("mask_4_4")
        #expect(m.shape == [8, 8])
        #expect(m[0, 3] == false && m[0, 4] == true && m[4, 4] == false && m[4, 5] == true && m[7, 7] == false)
        #expect(try file.mask("mask_1_1") == Mask(shape: [2, 2], values: [false, true, false, false]))
        #expect(try Fixtures.safetensors("part1_causal.safetensors").mask("mask") == Mask.upperTriangle(8, 8, diagonal: 1))
        #expect(try file.tensor("mask_0_5").scalars.prefix(5) == [0, 1, 1, 1, 1])
    }

    @Test func roundTripsTensorsMasksAndMetadata() throws {
        let g = RandomGenerator(seed: 9)
        let tensors = ["b.weight": g.randn([3, 5]), "a": g.rand([7]), "scalar": Tensor(shape: [], scalars: [2.5]),
                       "empty": Tensor.zeros([0, 4]), "view": g.randn([4, 6]).transposed()]
        let masks = ["causal": Mask.upperTriangle(5, 5, diagonal: 1), "odd": Mask(shape: [3]) { $0[0] % 2 == 1 }]
        let metadata = ["format": "pt", "note": "quote \" backslash \\ newline \n ünïcode"]
        let url = try RawSafeTensors.directory().appendingPathComponent("round trip.safetensors")
        try SafeTensors.write(tensors, masks: masks, metadata: metadata, to: url)

        let file = try SafeTensorsFile(contentsOf: url)
        #expect(file.names == (Array(tensors.keys) + masks.keys).sorted())
        #expect(file.metadata == metadata)
        for (name, t) in tensors {
            let back = try file.tensor(name)
            #expect(back.shape == t.shape && back.scalars.map(\.bitPattern) == t.scalars.map(\.bitPattern), "\(name)")
        }
        for (name, m) in masks {
            #expect(try file.mask(name) == m)
            #expect(try file.info(name).dtype == .u8)
        }
        let raw = try [UInt8](Data(contentsOf: url))
        let n = raw.prefix(8).reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        #expect(n % 8 == 0)
        #expect(String(decoding: raw[8..<(8 + Int(n))], as: UTF8.self).hasPrefix("{\"__metadata__\""))
    }

    @Test func writesBoolMasksAndHalfPrecisionFloats() throws {
        let x = Tensor([1, -2, 0.5, 65504, 1.0 / 3, 1e-7, 1e6, -0.0])
        let dir = try RawSafeTensors.directory()
        let urls = (dir.appendingPathComponent("h.safetensors"), dir.appendingPathComponent("b.safetensors"))
        try SafeTensors.write(["x": x], masks: ["m": Mask(shape: [2], values: [true, false])],
                              floatFormat: .f16, maskFormat: .bool, to: urls.0)
        try SafeTensors.write(["x": x], floatFormat: .bf16, to: urls.1)
        let half = try SafeTensorsFile(contentsOf: urls.0)
        #expect(try half.info("x").dtype == .f16 && half.info("m").dtype == .bool)
        #expect(try half.mask("m").values == [true, false])
        // 1/3 → 0x3555 = 0.333251953125; 1e-7 → subnormal 2·2⁻²⁴; 1e6 overflows to +∞.
        #expect(try half.tensor("x").scalars == [1, -2, 0.5, 65504, 0.333251953125, 2 * 0x1p-24, .infinity, -0.0])
        let bf = try SafeTensorsFile(contentsOf: urls.1).tensor("x").scalars
        // Round to nearest even on the top 16 bits: 65504 → 0x4780, 1/3 → 0x3EAB, 1e-7 → 0x33D7, 1e6 → 0x4974.
        #expect(bf == [1, -2, 0.5, 65536, 0.333984375, Float(bitPattern: 0x33D7_0000), 999_424, -0.0])
    }

    @Test func convertsHandWrittenBitPatterns() throws {
        let f16: [UInt16] = [0x3C00, 0xC000, 0x7BFF, 0x0001, 0x7C00, 0x3555, 0x8000, 0x0400]
        let bf16: [UInt16] = [0x3F80, 0xC049, 0x0001, 0xFF80]
        let i64: [Int64] = [-3, 1 << 40, 7]
        let f64: [UInt64] = [(0.1 as Double).bitPattern, (-1e300 as Double).bitPattern]
        let data = RawSafeTensors.le(f16) + RawSafeTensors.le(bf16) + RawSafeTensors.le(i64) + RawSafeTensors.le(f64)
            + [0xFF, 0x80, 0x00] + [2, 0, 1]
        var o = 0
        func entry(_ name: String, _ dtype: String, _ n: Int, _ size: Int) -> String {
            defer { o += n * size }
            return "\"\(name)\":{\"dtype\":\"\(dtype)\",\"shape\":[\(n)],\"data_offsets\":[\(o),\(o + n * size)]}"
        }
        let header = "{" + [entry("h", "F16", 8, 2), entry("b", "BF16", 4, 2), entry("l", "I64", 3, 8),
                            entry("d", "F64", 2, 8), entry("s", "I8", 3, 1), entry("m", "BOOL", 3, 1)]
            .joined(separator: ",") + "}"
        let file = try SafeTensorsFile(contentsOf: RawSafeTensors.write(RawSafeTensors.bytes(header: header, data: data),
                                                                        name: "bits.safetensors"))
        #expect(try file.tensor("h").scalars == [1, -2, 65504, 0x1p-24, .infinity, 0.333251953125, -0.0, 0x1p-14])
        #expect(try file.tensor("h").scalars[6].sign == .minus)
        #expect(try file.tensor("b").scalars == [1, -3.140625, 0x1p-133, -.infinity])
        #expect(try file.tensor("l").scalars == [-3, 0x1p40, 7])
        #expect(try file.tensor("d").scalars == [Float(0.1), -.infinity])
        #expect(try file.tensor("s").scalars == [-1, -128, 0])
        #expect(try file.mask("m").values == [true, false, true])
        #expect(try file.tensor("m").scalars == [1, 0, 1])
    }

    @Test func unalignedF32DataIsCopiedNotMisread() throws {
        // A 1-byte U8 tensor first pushes the F32 data to an odd offset.
        let header = #"{"u":{"dtype":"U8","shape":[1],"data_offsets":[0,1]},"f":{"dtype":"F32","shape":[2],"data_offsets":[1,9]}}"#
        let padded = header + String(repeating: " ", count: (8 - header.utf8.count % 8) % 8)
        let data: [UInt8] = [7] + RawSafeTensors.le([Float(1.5).bitPattern, Float(-2).bitPattern])
        let url = try RawSafeTensors.write(RawSafeTensors.bytes(header: padded, data: data), name: "unaligned.safetensors")
        let f = try SafeTensorsFile(contentsOf: url).tensor("f")
        #expect(f.scalars == [1.5, -2])
        #expect(!f.storage.isBorrowed)
    }
}
