import Synchronization
import TensorKit

/// The implementations one course run uses, one per piece: the learner's, or the reference standing in.
/// Sendable: it holds only metatypes, which never change.
public struct Implementations: @unchecked Sendable {
    public var causalMask: any CausalMaskBuilder.Type
    public var attention: any AttentionFunction.Type
    public var patchEmbedding: any PatchEmbedder.Type
    public var vitAttention: any ViTSelfAttention.Type
    public var vlmMask: any VLMMaskBuilder.Type
    public var visionProjection: any VisionProjector.Type
    public var vlmAttention: any VLMSelfAttention.Type
    // Part 3, lesson 3b: the masks real VLMs use.
    public var imageBlockMask: any ImageBlockMaskBuilder.Type
    public var prefixLMMask: any PrefixLMMaskBuilder.Type
    public var slidingWindowMask: any SlidingWindowMaskBuilder.Type
    public var gatedCrossAttention: any GatedCrossAttentionLayer.Type
    // Part 4: reading a trained model's attention (issue #16).
    public var attentionRollout: any AttentionRolloutBuilder.Type
    public var attentionDistance: any AttentionDistanceMeasure.Type
    public var attentionEntropy: any AttentionEntropyMeasure.Type

    /// One type per piece, in catalog order (`PieceID.allCases`): the runner sources are generated from
    /// the catalog's type names in that order (`Implementations.initializerCall`).
    public init(_ causalMask: any CausalMaskBuilder.Type, _ attention: any AttentionFunction.Type,
                _ patchEmbedding: any PatchEmbedder.Type, _ vitAttention: any ViTSelfAttention.Type,
                _ vlmMask: any VLMMaskBuilder.Type, _ visionProjection: any VisionProjector.Type,
                _ vlmAttention: any VLMSelfAttention.Type,
                _ imageBlockMask: any ImageBlockMaskBuilder.Type, _ prefixLMMask: any PrefixLMMaskBuilder.Type,
                _ slidingWindowMask: any SlidingWindowMaskBuilder.Type,
                _ gatedCrossAttention: any GatedCrossAttentionLayer.Type,
                // Part 4: reading a trained model's attention (issue #16).
                _ attentionRollout: any AttentionRolloutBuilder.Type,
                _ attentionDistance: any AttentionDistanceMeasure.Type,
                _ attentionEntropy: any AttentionEntropyMeasure.Type) {
        self.causalMask = causalMask
        self.attention = attention
        self.patchEmbedding = patchEmbedding
        self.vitAttention = vitAttention
        self.vlmMask = vlmMask
        self.visionProjection = visionProjection
        self.vlmAttention = vlmAttention
        self.imageBlockMask = imageBlockMask
        self.prefixLMMask = prefixLMMask
        self.slidingWindowMask = slidingWindowMask
        self.gatedCrossAttention = gatedCrossAttention
        self.attentionRollout = attentionRollout
        self.attentionDistance = attentionDistance
        self.attentionEntropy = attentionEntropy
    }

    /// Swift source that builds the implementations from the catalog's type names, each prefixed with
    /// `module.` when given: what a generated runner's `main.swift` passes to the grader.
    public static func initializerCall(module: String? = nil) -> String {
        let prefix = module.map { $0 + "." } ?? ""
        return "Implementations(" + Catalog.exercises.map { "\(prefix)\($0.typeName).self" }.joined(separator: ", ") + ")"
    }

    /// These implementations with `pieces` taken from `other` (the reference standing in).
    public func replacing(_ pieces: some Sequence<PieceID>, from other: Implementations) -> Implementations {
        var result = self
        for piece in pieces {
            switch piece {
            case .causalMask: result.causalMask = other.causalMask
            case .attention: result.attention = other.attention
            case .patchEmbedding: result.patchEmbedding = other.patchEmbedding
            case .vitAttention: result.vitAttention = other.vitAttention
            case .vlmMask: result.vlmMask = other.vlmMask
            case .visionProjection: result.visionProjection = other.visionProjection
            case .vlmAttention: result.vlmAttention = other.vlmAttention
            case .imageBlockMask: result.imageBlockMask = other.imageBlockMask
            case .prefixLMMask: result.prefixLMMask = other.prefixLMMask
            case .slidingWindowMask: result.slidingWindowMask = other.slidingWindowMask
            case .gatedCrossAttention: result.gatedCrossAttention = other.gatedCrossAttention
            // Part 4: reading a trained model's attention (issue #16).
            case .attentionRollout: result.attentionRollout = other.attentionRollout
            case .attentionDistance: result.attentionDistance = other.attentionDistance
            case .attentionEntropy: result.attentionEntropy = other.attentionEntropy
            }
        }
        return result
    }
}

/// How one piece calls another. Call these instead of naming another piece's type: the grader
/// points them at your code when that piece passes and at the reference solution when it does not,
/// so each piece is graded on its own. A piece may call only the pieces it depends on (the catalog's
/// `dependencies`); the grader counts the calls and fails a piece that calls another.
public enum Pieces {
    /// What `install` chose and how often each piece was called, behind one lock: the grader judges
    /// on several threads, each calling the reference through `Pieces`.
    private struct State {
        var current: Implementations?
        var counts: [PieceID: Int] = [:]
    }
    private static let state = Mutex(State())

    /// Chooses the implementations the accessors below call: done once per process, before any course
    /// code runs, by the program that runs it (the grader's child, a figure, a lesson cell).
    public static func install(_ implementations: Implementations) {
        state.withLock { $0.current = implementations }
    }

    /// How many times each piece has been called through `Pieces` in this process. It only grows, so
    /// the grader can tell which pieces a piece called.
    public static var callCounts: [PieceID: Int] { state.withLock { $0.counts } }

    private static func wired(_ piece: PieceID) -> Implementations {
        let current = state.withLock { state in
            state.counts[piece, default: 0] += 1
            return state.current
        }
        guard let current else {
            preconditionFailure("Pieces.install was not called: the program must choose implementations first")
        }
        return current
    }

    /// The causal mask `[T, T]` (true = masked).
    public static func causalMask(seqLen: Int) -> Mask { wired(.causalMask).causalMask.causalMask(seqLen: seqLen) }

    /// Scaled dot-product attention; see `AttentionFunction`.
    public static func attention(q: Tensor, k: Tensor, v: Tensor, mask: Mask?) -> (output: Tensor, weights: Tensor) {
        wired(.attention).attention.attention(q: q, k: k, v: v, mask: mask)
    }

    /// The VLM mask `[I + T, I + T]` (true = masked).
    public static func vlmMask(nImage: Int, nText: Int) -> Mask {
        wired(.vlmMask).vlmMask.vlmMask(nImage: nImage, nText: nText)
    }

    /// Gemma 3's global rule for `layout`: causal, or both tokens in the same image.
    public static func imageBlockRule(_ layout: TokenLayout) -> AttentionRule {
        wired(.imageBlockMask).imageBlockMask.imageBlockRule(layout)
    }
}
