import Foundation
import Testing
import TensorKit
import TestSupport

/// One test per kind of malformed file: each asserts the specific `SafeTensorsError` case and that
/// the message names the file (and the tensor, where one is involved).
@Suite struct SafeTensorsErrorTests {
    /// Writes `bytes`, opens them and reads `read` (if given); returns the error thrown.
    private func failure(_ bytes: [UInt8], read: String? = nil, mask: Bool = false,
                         _ name: String = #function) throws -> SafeTensorsError? {
        let fileName = "bad-\(name.prefix { $0 != "(" }).safetensors"
        let url = try RawSafeTensors.write(bytes, name: fileName)
        do {
            let file = try SafeTensorsFile(contentsOf: url)
            if let read, mask { _ = try file.mask(read) } else if let read { _ = try file.tensor(read) }
            Issue.record("no error for \(fileName)")
            return nil
        } catch let error as SafeTensorsError {
            #expect(error.description.contains(fileName), "message does not name the file: \(error)")
            #expect(error.file == url.path)
            return error
        }
    }

    /// A header with one entry `t` = `entry` followed by `data`.
    private func one(_ entry: String, data: [UInt8] = [UInt8](repeating: 0, count: 8)) -> [UInt8] {
        RawSafeTensors.bytes(header: "{\"t\":\(entry)}", data: data)
    }

    private func namesTensor(_ e: SafeTensorsError?, _ tensor: String = "t") -> Bool {
        e?.description.contains("'\(tensor)'") == true
    }

    private func unexpected(_ e: SafeTensorsError?) { Issue.record("unexpected error: \(String(describing: e))") }

    @Test func fileShorterThanEightBytes() throws {
        let e = try failure([1, 0, 0, 0, 0])
        guard case .fileTooShort(_, 5)? = e else { return unexpected(e) }
    }

    @Test func headerLengthBeyondTheFile() throws {
        let e = try failure(RawSafeTensors.bytes(header: "{}", declaredLength: 1000))
        guard case .headerBeyondFile(_, 1000, 10)? = e else { return unexpected(e) }
    }

    @Test func headerLengthAboveOneHundredMegabytes() throws {
        let e = try failure(RawSafeTensors.bytes(header: "{}", declaredLength: 200_000_000))
        guard case .headerTooLarge(_, 200_000_000)? = e else { return unexpected(e) }
    }

    @Test func headerNotUTF8() throws {
        let e = try failure(RawSafeTensors.le([UInt64(7)]) + [0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D])
        guard case .headerNotUTF8? = e else { return unexpected(e) }
    }

    @Test func headerNotJSON() throws {
        let e = try failure(RawSafeTensors.bytes(header: "{\"t\": {\"dtype\": "))
        guard case .headerNotJSON? = e else { return unexpected(e) }
    }

    @Test func headerNotAnObject() throws {
        let e = try failure(RawSafeTensors.bytes(header: "[1, 2]"))
        guard case .headerNotObject? = e else { return unexpected(e) }
    }

    @Test func duplicateKeys() throws {
        let entry = #"{"dtype":"U8","shape":[4],"data_offsets":[0,4]}"#
        let e = try failure(RawSafeTensors.bytes(header: "{\"t\":\(entry), \"t\" : \(entry)}", data: [1, 2, 3, 4]))
        guard case .duplicateKey(_, "t")? = e else { return unexpected(e) }
        #expect(namesTensor(e))
    }

    @Test func metadataNotStrings() throws {
        let e = try failure(RawSafeTensors.bytes(header: #"{"__metadata__":{"seed":42}}"#))
        guard case .invalidMetadata? = e else { return unexpected(e) }
    }

    @Test func entryNotAnObject() throws {
        let e = try failure(one("[1, 2]"))
        guard case .entryNotObject(_, "t")? = e else { return unexpected(e) }
        #expect(namesTensor(e))
    }

    @Test(arguments: ["dtype", "shape", "data_offsets"])
    func entryMissingAField(field: String) throws {
        let fields = ["dtype": #""F32""#, "shape": "[2]", "data_offsets": "[0,8]"].filter { $0.key != field }
        let entry = "{" + fields.map { "\"\($0.key)\":\($0.value)" }.joined(separator: ",") + "}"
        let e = try failure(one(entry))
        guard case .missingField(_, "t", field)? = e else { return unexpected(e) }
        #expect(namesTensor(e) && e?.description.contains(field) == true)
    }

    @Test(arguments: [(#"{"dtype":5,"shape":[2],"data_offsets":[0,8]}"#, "dtype"),
                      (#"{"dtype":"F32","shape":"2","data_offsets":[0,8]}"#, "shape"),
                      (#"{"dtype":"F32","shape":[2.5],"data_offsets":[0,8]}"#, "shape"),
                      (#"{"dtype":"F32","shape":[true],"data_offsets":[0,8]}"#, "shape"),
                      (#"{"dtype":"F32","shape":[2],"data_offsets":[8]}"#, "data_offsets"),
                      (#"{"dtype":"F32","shape":[2],"data_offsets":[0,"8"]}"#, "data_offsets")])
    func entryFieldOfTheWrongType(entry: String, field: String) throws {
        let e = try failure(one(entry))
        guard case .wrongFieldType(_, "t", field, _)? = e else { return unexpected(e) }
        #expect(namesTensor(e))
    }

    @Test func unknownDType() throws {
        let e = try failure(one(#"{"dtype":"F128","shape":[1],"data_offsets":[0,8]}"#))
        guard case .unknownDType(_, "t", "F128")? = e else { return unexpected(e) }
        #expect(namesTensor(e))
    }

    @Test func negativeDimension() throws {
        let e = try failure(one(#"{"dtype":"F32","shape":[-2, -1],"data_offsets":[0,8]}"#))
        guard case .negativeDimension(_, "t", [-2, -1])? = e else { return unexpected(e) }
        #expect(namesTensor(e))
    }

    @Test func endBeforeBegin() throws {
        let e = try failure(one(#"{"dtype":"F32","shape":[1],"data_offsets":[8,4]}"#))
        guard case .endBeforeBegin(_, "t", 8, 4)? = e else { return unexpected(e) }
        #expect(namesTensor(e))
    }

    @Test func byteCountNotMatchingShapeTimesDTypeSize() throws {
        let e = try failure(one(#"{"dtype":"F32","shape":[3],"data_offsets":[0,8]}"#))
        guard case .byteCountMismatch(_, "t", 12, 8)? = e else { return unexpected(e) }
        #expect(namesTensor(e))
    }

    @Test func offsetsBeyondTheBuffer() throws {
        let e = try failure(one(#"{"dtype":"F32","shape":[4],"data_offsets":[0,16]}"#))
        guard case .offsetsOutOfBounds(_, "t", 16, 8)? = e else { return unexpected(e) }
        #expect(namesTensor(e))
    }

    @Test func overlappingOffsets() throws {
        let header = #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}}"#
        let e = try failure(RawSafeTensors.bytes(header: header, data: [UInt8](repeating: 0, count: 12)))
        guard case .overlappingTensors(_, "a", "b")? = e else { return unexpected(e) }
        #expect(namesTensor(e, "a") && namesTensor(e, "b"))
    }

    @Test func gapBetweenTensors() throws {
        let header = #"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"b":{"dtype":"F32","shape":[1],"data_offsets":[8,12]}}"#
        let e = try failure(RawSafeTensors.bytes(header: header, data: [UInt8](repeating: 0, count: 12)))
        guard case .gapInBuffer(_, "a", "b", 4, 8)? = e else { return unexpected(e) }
    }

    @Test func unindexedBytesAfterTheLastTensor() throws {
        let e = try failure(one(#"{"dtype":"F32","shape":[1],"data_offsets":[0,4]}"#))
        guard case .gapInBuffer(_, "t", nil, 4, 8)? = e else { return unexpected(e) }
    }

    @Test func missingTensorNameListsAvailableNames() throws {
        let e = try failure(one(#"{"dtype":"F32","shape":[2],"data_offsets":[0,8]}"#), read: "nope")
        guard case .tensorNotFound(_, "nope", ["t"])? = e else { return unexpected(e) }
        #expect(namesTensor(e, "nope") && namesTensor(e, "t"))
    }

    @Test func maskOfAFloatTensor() throws {
        let e = try failure(one(#"{"dtype":"F32","shape":[2],"data_offsets":[0,8]}"#), read: "t", mask: true)
        guard case .notAMask(_, "t", "F32")? = e else { return unexpected(e) }
        #expect(namesTensor(e))
    }

    @Test func missingFileIsAnErrorNotATrap() throws {
        let url = try RawSafeTensors.directory().appendingPathComponent("absent.safetensors")
        #expect {
            try SafeTensorsFile(contentsOf: url)
        } throws: { error in
            guard let e = error as? SafeTensorsError, case .cannotOpen = e else { return false }
            return e.description.contains("absent.safetensors")
        }
    }
}
