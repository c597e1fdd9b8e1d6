/// Lesson 4's cell: the shapes of CLIP ViT-B/16's attention maps.
enum Part4Cells {
    static let all = [
        DemoCell("part4.clip-shapes") { out in
            // ANCHOR: part4.clip-shapes
            let (imageSize, patchSize, width, layers, heads) = (224, 16, 768, 12, 12)
            let tokens = (imageSize / patchSize) * (imageSize / patchSize) + 1  // 196 patches + CLS

            out.print("openai/clip-vit-base-patch16 vision tower")
            out.print("tokens: \(tokens), head dim: \(width / heads)")
            out.print("attentions: \(layers) tensors of shape [1, \(heads), \(tokens), \(tokens)]")
            out.print("one map per layer: mean over heads → [\(tokens), \(tokens)], each row sums to 1")
            let shown = [0, 3, 6, 9, 11, -1].map { $0 < 0 ? layers + $0 : $0 }
            out.print("notebook grid shows layers:", shown.map { "\($0 + 1)" }.joined(separator: ", "))
            // ANCHOR_END: part4.clip-shapes
        },
    ]
}
