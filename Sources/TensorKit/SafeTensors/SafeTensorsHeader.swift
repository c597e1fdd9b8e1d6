import Foundation

/// The parsed and validated JSON header of a safetensors file.
///
/// Layout: bytes `[0, 8)` hold `N` (UInt64, little-endian); `[8, 8+N)` a UTF-8 JSON object
/// `{"__metadata__": {str: str}?, name: {"dtype", "shape", "data_offsets": [begin, end]}, …}`;
/// the rest is the data buffer, with offsets relative to its start. Validation follows the
/// reference reader (`safetensors/src/tensor.rs`, `Metadata::validate`): `N ≤ 10⁸`, `8+N ≤ length`,
/// unique keys, `end − begin = numel · size(dtype)`, and the entries sorted by `begin` tile the
/// buffer exactly (no gaps, no overlap, nothing left over).
struct SafeTensorsHeader {
    struct Entry {
        let dtype: SafeTensorsDType
        let shape: [Int]
        let begin: Int
        let end: Int
    }

    static let maxHeaderLength: UInt64 = 100_000_000

    let entries: [String: Entry]
    let metadata: [String: String]
    /// File offset of the data buffer, `8 + N`.
    let dataStart: Int

    /// Parses the header of the mapped `bytes` (`length` of them) of `file`.
    init(bytes: UnsafeRawPointer?, length: Int, file: String) throws {
        guard length >= 8, let bytes else { throw SafeTensorsError.fileTooShort(file: file, length: length) }
        let n = UInt64(littleEndian: bytes.loadUnaligned(as: UInt64.self))
        guard n <= Self.maxHeaderLength else { throw SafeTensorsError.headerTooLarge(file: file, headerLength: n) }
        guard Int(n) <= length - 8 else {
            throw SafeTensorsError.headerBeyondFile(file: file, headerLength: n, fileLength: length)
        }
        dataStart = 8 + Int(n)
        let data = Data(bytes: bytes + 8, count: Int(n))
        guard let text = String(data: data, encoding: .utf8) else { throw SafeTensorsError.headerNotUTF8(file: file) }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw SafeTensorsError.headerNotJSON(file: file, reason: Self.describe(error))
        }
        guard let root = object as? [String: Any] else { throw SafeTensorsError.headerNotObject(file: file) }
        // JSONSerialization silently keeps the last of duplicate keys, so scan the text for them.
        if let dup = JSONKeyScanner.firstDuplicateTopLevelKey(in: text) {
            throw SafeTensorsError.duplicateKey(file: file, key: dup)
        }
        var metadata: [String: String] = [:]
        if let meta = root["__metadata__"] {
            guard let m = meta as? [String: Any] else { throw SafeTensorsError.invalidMetadata(file: file) }
            for (k, v) in m {
                guard let s = v as? String else { throw SafeTensorsError.invalidMetadata(file: file) }
                metadata[k] = s
            }
        }
        self.metadata = metadata
        var entries: [String: Entry] = [:]
        for (name, value) in root where name != "__metadata__" {
            entries[name] = try Self.entry(value, name: name, file: file)
        }
        self.entries = entries
        try Self.checkTiling(entries, bufferLength: length - dataStart, file: file)
    }

    private static func entry(_ value: Any, name: String, file: String) throws -> Entry {
        guard let fields = value as? [String: Any] else { throw SafeTensorsError.entryNotObject(file: file, tensor: name) }
        func field(_ key: String) throws -> Any {
            guard let v = fields[key] else { throw SafeTensorsError.missingField(file: file, tensor: name, field: key) }
            return v
        }
        func integers(_ key: String, _ expected: String) throws -> [Int] {
            guard let list = try field(key) as? [Any], let ints = Optional(list.compactMap(integer)),
                  ints.count == list.count else {
                throw SafeTensorsError.wrongFieldType(file: file, tensor: name, field: key, expected: expected)
            }
            return ints
        }
        guard let dtypeName = try field("dtype") as? String else {
            throw SafeTensorsError.wrongFieldType(file: file, tensor: name, field: "dtype", expected: "a string such as \"F32\"")
        }
        let shape = try integers("shape", "an array of integers")
        let offsets = try integers("data_offsets", "an array of two integers [begin, end]")
        guard offsets.count == 2 else {
            throw SafeTensorsError.wrongFieldType(file: file, tensor: name, field: "data_offsets",
                                                  expected: "an array of two integers [begin, end]")
        }
        guard let dtype = SafeTensorsDType(rawValue: dtypeName) else {
            throw SafeTensorsError.unknownDType(file: file, tensor: name, dtype: dtypeName)
        }
        guard shape.allSatisfy({ $0 >= 0 }) else { throw SafeTensorsError.negativeDimension(file: file, tensor: name, shape: shape) }
        let (begin, end) = (offsets[0], offsets[1])
        guard begin >= 0, end >= begin else { throw SafeTensorsError.endBeforeBegin(file: file, tensor: name, begin: begin, end: end) }
        var numel = 1
        for d in shape {
            let (p, overflow) = numel.multipliedReportingOverflow(by: d)
            numel = overflow ? Int.max : p
        }
        let (bytes, overflow) = numel.multipliedReportingOverflow(by: dtype.size)
        guard !overflow, bytes == end - begin else {
            throw SafeTensorsError.byteCountMismatch(file: file, tensor: name, expected: overflow ? Int.max : bytes,
                                                     actual: end - begin)
        }
        return Entry(dtype: dtype, shape: shape, begin: begin, end: end)
    }

    /// A JSON integer (not a boolean, not a fraction or exponent form) that fits in `Int`.
    private static func integer(_ v: Any) -> Int? {
        guard let n = v as? NSNumber else { return nil }
        let kind = String(cString: n.objCType)
        guard ["s", "i", "l", "q", "S", "I", "L", "Q"].contains(kind) else { return nil }
        return v as? Int
    }

    /// Sorted by `(begin, end)`, the entries must tile `[0, bufferLength)` exactly.
    private static func checkTiling(_ entries: [String: Entry], bufferLength: Int, file: String) throws {
        let sorted = entries.sorted { ($0.value.begin, $0.value.end, $0.key) < ($1.value.begin, $1.value.end, $1.key) }
        var position = 0
        var previous: String?
        for (name, e) in sorted {
            guard e.end <= bufferLength else {
                throw SafeTensorsError.offsetsOutOfBounds(file: file, tensor: name, end: e.end, bufferLength: bufferLength)
            }
            if e.begin < position, let previous {
                throw SafeTensorsError.overlappingTensors(file: file, first: previous, second: name)
            }
            if e.begin > position {
                throw SafeTensorsError.gapInBuffer(file: file, previous: previous, next: name, gapStart: position, gapEnd: e.begin)
            }
            if e.end > e.begin || previous == nil { previous = name }
            position = max(position, e.end)
        }
        if position < bufferLength {
            throw SafeTensorsError.gapInBuffer(file: file, previous: previous, next: nil, gapStart: position, gapEnd: bufferLength)
        }
    }

    private static func describe(_ error: Error) -> String {
        let ns = error as NSError
        return (ns.userInfo[NSDebugDescriptionErrorKey] as? String) ?? ns.localizedDescription
    }
}
