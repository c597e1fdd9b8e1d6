import Contracts

extension Pieces {
    /// Points `Pieces` at `pieces`, since pieces call one another through it. When it already
    /// names the same types (the grader and the tests wire the reference once) it is left
    /// alone, so those processes see no write.
    static func wire(_ pieces: Implementations) {
        if let current, current.typeIdentities == pieces.typeIdentities { return }
        current = pieces
    }
}

extension Implementations {
    /// The types, one per piece, comparable.
    var typeIdentities: [ObjectIdentifier] {
        [ObjectIdentifier(causalMask), ObjectIdentifier(attention), ObjectIdentifier(patchEmbedding),
         ObjectIdentifier(vitAttention), ObjectIdentifier(vlmMask), ObjectIdentifier(visionProjection),
         ObjectIdentifier(vlmAttention),
         // Part 3, lesson 3b: the masks real VLMs use.
         ObjectIdentifier(imageBlockMask), ObjectIdentifier(prefixLMMask), ObjectIdentifier(slidingWindowMask),
         ObjectIdentifier(gatedCrossAttention)]
    }
}
