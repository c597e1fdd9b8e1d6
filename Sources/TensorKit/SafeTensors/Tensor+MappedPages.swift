extension Tensor {
    /// For a tensor read zero-copy from a safetensors file (it borrows the read-only file mapping):
    /// drops its resident pages once its values have been copied elsewhere, so a model that
    /// re-lays out some weights at load does not keep both copies in memory. Reading the tensor
    /// again pages it back in from the file. Does nothing for tensors that own their memory.
    public func releaseMappedPages() {
        guard let map = storage.owner as? MappedFile, count > 0 else { return }
        let lastOffset = Swift.zip(shape, strides).reduce(offset) { $0 + ($1.0 - 1) * Swift.max($1.1, 0) }
        let bytes = UnsafeRawBufferPointer(start: storage.base + offset, count: (lastOffset - offset + 1) * MemoryLayout<Float>.stride)
        map.releasePages(bytes)
    }
}
