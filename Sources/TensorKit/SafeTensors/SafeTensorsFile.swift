import Foundation

/// A safetensors file opened for reading: the file is memory-mapped once and its header validated
/// up front (see `SafeTensorsHeader`); tensors are then read on demand.
///
/// F32 tensors are zero-copy views into the mapping whenever their data is 4-byte aligned (always
/// true for files written by the reference writer, which pads the header to a multiple of 8);
/// other dtypes are converted to `Float`. The mapping stays alive while this value or any tensor
/// read from it exists. Assumes a little-endian host, as the format does.
///
///     let file = try SafeTensorsFile(contentsOf: url)
///     let w = try file.tensor("proj.weight")    // [768, 3, 16, 16]
public struct SafeTensorsFile: Sendable {
    /// The file's path, used in error messages.
    public let path: String
    private let map: MappedFile
    private let header: SafeTensorsHeader

    /// Maps and validates the file; throws `SafeTensorsError` if it is unreadable or malformed.
    public init(contentsOf url: URL) throws {
        path = url.path
        map = try MappedFile(path: path)
        header = try SafeTensorsHeader(bytes: map.base, length: map.length, file: path)
    }

    /// Tensor names, sorted.
    public var names: [String] { header.entries.keys.sorted() }

    /// The `__metadata__` string map (empty when absent).
    public var metadata: [String: String] { header.metadata }

    /// The stored dtype and shape of `name`.
    public func info(_ name: String) throws -> (dtype: SafeTensorsDType, shape: [Int]) {
        let e = try entry(name)
        return (e.dtype, e.shape)
    }

    /// The tensor `name` as Float32: a zero-copy view for aligned F32 data, otherwise converted
    /// (F16, BF16, F8, F64 rounded to nearest; integers converted; BOOL as 0/1).
    public func tensor(_ name: String) throws -> Tensor {
        let e = try entry(name)
        let count = Shape.count(e.shape)
        let source = bytes(of: e)
        if e.dtype == .f32, count > 0, let source,
           Int(bitPattern: source) % MemoryLayout<Float>.alignment == 0 {
            let floats = UnsafeMutablePointer(mutating: source.assumingMemoryBound(to: Float.self))
            return Tensor(storage: TensorStorage(borrowing: floats, count: count, owner: map), shape: e.shape)
        }
        let storage = TensorStorage(count: count) { out in
            if let source, let dst = out.baseAddress, count > 0 { e.dtype.convert(source, count: count, into: dst) }
        }
        return Tensor(storage: storage, shape: e.shape)
    }

    /// The U8 or BOOL tensor `name` as a `Mask`: nonzero is `true` (masked).
    public func mask(_ name: String) throws -> Mask {
        let e = try entry(name)
        guard e.dtype == .u8 || e.dtype == .bool else {
            throw SafeTensorsError.notAMask(file: path, tensor: name, dtype: e.dtype.rawValue)
        }
        let count = Shape.count(e.shape)
        guard count > 0, let source = bytes(of: e) else { return Mask(shape: e.shape, values: []) }
        let raw = UnsafeBufferPointer(start: source.assumingMemoryBound(to: UInt8.self), count: count)
        return Mask(shape: e.shape, values: raw.map { $0 != 0 })
    }

    private func entry(_ name: String) throws -> SafeTensorsHeader.Entry {
        guard let e = header.entries[name] else {
            throw SafeTensorsError.tensorNotFound(file: path, tensor: name, available: names)
        }
        return e
    }

    /// Start of the tensor's bytes in the mapping (validated to lie inside it).
    private func bytes(of e: SafeTensorsHeader.Entry) -> UnsafeRawPointer? {
        map.base.map { $0 + header.dataStart + e.begin }
    }
}
