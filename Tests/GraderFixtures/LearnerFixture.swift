import Contracts
import Solutions
import Grader

/// Learner submissions named after the outcome the grader must report for them. Each is the
/// reference with one piece replaced by a faulty version from `FaultyPieces.swift`.
enum LearnerFixture: String, CaseIterable {
    case correct
    case todo                                   // causal-mask still calls todo()
    case wrongValues = "wrong-values"           // attention without the 1/√D scale
    case wrongShape = "wrong-shape"             // attention returns the output transposed
    case returnsScalars = "returns-scalars"     // attention returns two one-element tensors of rank 0
    case traps                                  // causal-mask indexes out of range
    case stackOverflow = "stack-overflow"       // causal-mask recurses forever
    case hangs                                  // vlm-mask loops forever
    case floodsOutput = "floods-output"         // vlm-mask prints megabytes, then answers correctly
    case printsFakePassed = "prints-fake-passed"  // causal-mask prints "passed" everywhere, answers wrongly
    case exitsEarly = "exits-early"             // causal-mask calls exit(0)
    case wrongVLMMask = "wrong-vlm-mask"        // vlm-mask masks nothing; vlm-attention is correct
    case vitCallsTodoPiece = "vit-calls-todo-piece"  // causal-mask is todo; vit-attention calls and applies it
    case referenceByName = "reference-by-name"  // causal-mask and vit-attention look the reference up by name
    // Lesson 3b's pieces, one mistake each (FaultyMaskPieces.swift, FaultyCrossAttention.swift).
    case mergedImageBlocks = "merged-image-blocks"          // image-block-mask: all image tokens one block
    case answerInPrefix = "answer-in-prefix"                // prefix-lm-mask: the answer joins the prefix
    case windowOffByOne = "window-off-by-one"               // sliding-window-mask: k >= q - window
    case windowWrongSide = "window-wrong-side"              // sliding-window-mask: k < q + window
    case windowOutsideImages = "window-outside-images"      // sliding-window-mask: Gemma 3 local as OR(window, image)
    case crossAttentionLaterImage = "cross-attention-later-image"  // gated-cross-attention: sees every image
    case ungatedCrossAttention = "ungated-cross-attention"  // gated-cross-attention: x + attention
    case crossAttentionNaNRows = "cross-attention-nan-rows" // gated-cross-attention: blind rows all −∞
    case crossAttentionTransformersRows = "cross-attention-transformers-rows"  // blind rows attend everywhere

    var implementations: Implementations {
        var set = Reference.implementations
        switch self {
        case .correct: break
        case .todo: set.causalMask = TodoCausalMask.self
        case .wrongValues: set.attention = UnscaledAttention.self
        case .wrongShape: set.attention = TransposedOutputAttention.self
        case .returnsScalars: set.attention = ScalarAttention.self
        case .traps: set.causalMask = OutOfRangeCausalMask.self
        case .stackOverflow: set.causalMask = RecursiveCausalMask.self
        case .hangs: set.vlmMask = LoopingVLMMask.self
        case .floodsOutput: set.vlmMask = ChattyVLMMask.self
        case .printsFakePassed: set.causalMask = FakePassCausalMask.self
        case .exitsEarly: set.causalMask = ExitingCausalMask.self
        case .wrongVLMMask: set.vlmMask = UnmaskedVLMMask.self
        case .referenceByName:
            set.causalMask = ByNameCausalMask.self
            set.vitAttention = ByNameViTAttention.self
        case .vitCallsTodoPiece:
            set.causalMask = TodoCausalMask.self
            set.vitAttention = CausallyMaskedViTAttention.self
        case .mergedImageBlocks: set.imageBlockMask = MergedBlocksImageBlockMask.self
        case .answerInPrefix: set.prefixLMMask = AnswerInPrefixLMMask.self
        case .windowOffByOne: set.slidingWindowMask = OffByOneSlidingWindowMask.self
        case .windowWrongSide: set.slidingWindowMask = ForwardWindowSlidingWindowMask.self
        case .windowOutsideImages: set.slidingWindowMask = WindowOutsideImagesSlidingWindowMask.self
        case .crossAttentionLaterImage: set.gatedCrossAttention = LaterImageCrossAttention.self
        case .ungatedCrossAttention: set.gatedCrossAttention = UngatedCrossAttention.self
        case .crossAttentionNaNRows: set.gatedCrossAttention = NaNRowsCrossAttention.self
        case .crossAttentionTransformersRows: set.gatedCrossAttention = TransformersRowsCrossAttention.self
        }
        return set
    }
}
