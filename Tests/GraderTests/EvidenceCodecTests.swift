import Foundation
@testable import Grader
import TensorKit
import Testing

@Suite struct EvidenceCodecTests {
    let nonce: [UInt8] = Array(0..<16)

    func sample() -> Evidence {
        var e = Evidence()
        e.record("weights", Tensor(shape: [2, 2], scalars: [0.25, .nan, -.infinity, 1e-30]))
        e.record("mask", Mask.upperTriangle(3, 3, diagonal: 1))
        e.record(problem: "proj.layers[0] is not a Linear")
        return e
    }

    @Test func recordsRoundTripBitForBit() throws {
        let data = EvidenceCodec.encode(sample(), checkIndex: 0, nonce: nonce)
            + EvidenceCodec.encode(Evidence(), checkIndex: 1, nonce: nonce)
        let (records, problem) = EvidenceCodec.decodeAll(data, nonce: nonce)
        #expect(problem == nil)
        #expect(records.count == 2)
        let weights = try records[0].tensor("weights")
        #expect(weights.shape == [2, 2])
        #expect(weights.scalars.map(\.bitPattern) == [0.25, Float.nan, -.infinity, 1e-30].map(\.bitPattern))
        #expect(try records[0].mask("mask") == Mask.upperTriangle(3, 3, diagonal: 1))
        #expect(records[0].problem == "proj.layers[0] is not a Linear")
        #expect(records[1].items.isEmpty)
    }

    @Test func recordsWithAnotherNonceAndStrayBytesAreSkipped() throws {
        let forged = EvidenceCodec.encode(sample(), checkIndex: 0, nonce: Array(repeating: 7, count: 16))
        let genuine = EvidenceCodec.encode(sample(), checkIndex: 0, nonce: nonce)
        let (records, problem) = EvidenceCodec.decodeAll(Data("PASS\n".utf8) + forged + genuine, nonce: nonce)
        #expect(records.count == 1)
        #expect(try records[0].mask("mask") == Mask.upperTriangle(3, 3, diagonal: 1))
        #expect(problem == "the result channel held bytes the grader did not ask for (skipped)")
        #expect(EvidenceCodec.decodeAll(forged, nonce: nonce).records.isEmpty)
    }

    @Test func aTruncatedRecordKeepsTheCompleteOnesBeforeIt() {
        let first = EvidenceCodec.encode(sample(), checkIndex: 0, nonce: nonce)
        let second = EvidenceCodec.encode(sample(), checkIndex: 1, nonce: nonce)
        let (records, problem) = EvidenceCodec.decodeAll(first + second.prefix(30), nonce: nonce)
        #expect(records.count == 1)
        #expect(problem == "the result channel was cut short")
    }

    @Test func recordsOutOfOrderAreRejected() {
        let data = EvidenceCodec.encode(sample(), checkIndex: 1, nonce: nonce)
        let (records, problem) = EvidenceCodec.decodeAll(data, nonce: nonce)
        #expect(records.isEmpty)
        #expect(problem == "the result channel holds check 1 where check 0 was expected")
    }
}
