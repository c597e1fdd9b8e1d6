import Contracts
import Figures
import Solutions
import TensorKit
import Testing
import TestSupport

/// `vlm-course mask`'s library half: reading the command line's words, and the masks it builds.
@Suite struct MaskRequestTests {
    static func request(_ family: String?, _ types: String?, window: String? = nil, chunk: String? = nil,
                        all: Bool = false) throws(MaskRequestError) -> MaskRequest {
        try MaskRequest(family: family, all: all, types: types, window: window, chunk: chunk)
    }

    /// Every mask transformers 5.24 made (hand-written edge layouts and 56 seeded random ones) is the
    /// mask `vlm-course mask` builds for the same family, layout, window and chunk.
    @Test func everyTransformersMaskIsTheExplorersMask() throws {
        let cases = try Fixtures.transformersMasks()
        #expect(cases.count == 201 && cases.filter { $0.name.hasPrefix("random") }.count == 56)
        #expect(Set(cases.map(\.family)) == Set(MaskFamily.allCases.map(\.rawValue)))
        for fixture in cases {
            let request = try Self.request(fixture.family, fixture.types, window: fixture.window.map(String.init),
                                           chunk: fixture.chunk.map(String.init))
            let mask = try #require(request.masks(using: Reference.implementations).first).mask
            #expect(mask == Mask(shape: [fixture.types.count, fixture.types.count], values: fixture.masked.flatMap { $0 }),
                    "\(fixture.name)")
        }
    }

    @Test func aRequestKeepsWhatWasAsked() throws {
        let request = try Self.request("gemma3-local", "ttiiitt", window: "2")
        #expect(request.families == [.gemma3Local] && request.types == "ttiiitt" && request.window == 2)
        #expect(request.chunk == nil && !request.isAll && request.layout.runStarts == [2, 5])
    }

    @Test func allDrawsTheFamiliesWhoseSizesAreGiven() throws {
        #expect(try Self.request(nil, "ttiit", all: true).families == [.causal, .llava, .paligemma, .gemma3])
        #expect(try Self.request(nil, "iippt", window: "2", chunk: "3", all: true).families == MaskFamily.allCases)
        // Outside PaliGemma, p reads as text: Gemma 3's image block stops at the prompt.
        let masks = try Self.request(nil, "iippt", all: true).masks(using: Reference.implementations)
        let gemma = try #require(masks.first { $0.family == .gemma3 }).mask
        let paligemma = try #require(masks.first { $0.family == .paligemma }).mask
        #expect(gemma[0, 1] == false && gemma[0, 2] == true && paligemma[0, 3] == false)
    }

    @Test(arguments: [
        (nil, "tt", nil, nil, "give a mask family (causal, llava, paligemma, gemma3, gemma3-local, sliding, chunked) or --all"),
        ("gemma4", "tt", nil, nil, "unknown mask family 'gemma4'; the families are causal, llava, paligemma, gemma3, "
            + "gemma3-local, sliding, chunked"),
        ("gemma3", nil, nil, nil, "--types LAYOUT is required: one letter per token, t text, i image, p prompt (e.g. --types ttiiitt)"),
        ("gemma3", "", nil, nil, "--types is empty: write one letter per token, t text, i image, p prompt (e.g. --types ttiiitt)"),
        ("gemma3", "ttIt", nil, nil, "--types: unknown token letter 'I' at position 3: use t (text), i (image) or p (prompt)"),
        ("llava", "tpt", nil, nil, "--types: 'p' at position 2 is PaliGemma's prompt, which llava does not have; write t for text"),
        ("sliding", "ttt", nil, nil, "sliding needs --window N (how many tokens a query sees, itself included)"),
        ("gemma3-local", "ttt", nil, "2", "gemma3-local needs --window N (how many tokens a query sees, itself included)"),
        ("causal", "ttt", "2", nil, "--window applies to sliding and gemma3-local only, not to causal"),
        ("chunked", "ttt", nil, nil, "chunked needs --chunk N (the chunk size in tokens)"),
        ("sliding", "ttt", "2", "2", "--chunk applies to chunked only, not to sliding"),
        ("sliding", "ttt", "0", nil, "--window must be at least 1, got 0"),
        ("chunked", "ttt", nil, "-4", "--chunk must be at least 1, got -4"),
        ("sliding", "ttt", "two", nil, "--window 'two' is not a whole number"),
        ("sliding", "ttt", "99999999999999999999", nil, "--window '99999999999999999999' is not a whole number"),
    ] as [(String?, String?, String?, String?, String)])
    func badInputIsOneLineSayingWhatToDo(_ family: String?, _ types: String?, _ window: String?, _ chunk: String?,
                                         _ message: String) {
        #expect(throws: MaskRequestError.self) { try Self.request(family, types, window: window, chunk: chunk) }
        do {
            _ = try Self.request(family, types, window: window, chunk: chunk)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func layoutsUpTo4096TokensAreDrawnAndLongerOnesRefused() throws {
        #expect(try Self.request("causal", String(repeating: "t", count: 4096)).layout.count == 4096)
        #expect(throws: MaskRequestError.tooLong(4097)) { try Self.request("causal", String(repeating: "t", count: 4097)) }
        #expect(MaskRequestError.tooLong(4097).description == "--types has 4097 tokens; the explorer draws at most 4096")
        #expect(throws: MaskRequestError.familyWithAll("gemma3")) { try Self.request("gemma3", "t", all: true) }
    }

    @Test func theGridLabelsTokensAndDrawsLinesBetweenRuns() throws {
        let request = try Self.request("gemma3", "tiit")
        let text = try request.rendered(request.masks(using: Reference.implementations), to: .terminal(.plain))
        #expect(text == """
            gemma3 (Gemma 3 global)
               t │ i i │ t
            t  ✓ │ ✗ ✗ │ ✗
            ───────────────
            i  ✓ │ ✓ ✓ │ ✗
            i  ✓ │ ✓ ✓ │ ✗
            ───────────────
            t  ✓ │ ✓ ✓ │ ✓
            ✓ may attend, ✗ masked; rows are queries, columns keys.

            """)
    }

    @Test func gridDrawsGroupsAndMarks() {
        let mask = Mask.upperTriangle(3, 3, diagonal: 1)
        #expect(MaskDiagram.grid(mask, labels: ["a", "b", "c"], groupStarts: [2]) == """
               a b │ c
            a  ✓ ✗ │ ✗
            b  ✓ ✓ │ ✗
            ───────────
            c  ✓ ✓ │ ✓
            """)
    }

    @Test func sideBySideWrapsToTheWidth() {
        let blocks = [["ab", "c"], ["def"], ["g"]]
        #expect(MaskDiagram.sideBySide(blocks, width: 9) == "ab    def\nc\n\ng")
        #expect(MaskDiagram.sideBySide(blocks, width: 1) == "ab\nc\n\ndef\n\ng")
    }

    @Test func jsonIsOneObjectWithTheCoursesConvention() throws {
        let request = try Self.request("sliding", "tit", window: "1")
        let json = try request.rendered(request.masks(using: Reference.implementations), to: .json)
        #expect(json == "{\"family\":\"sliding\",\"types\":\"tit\",\"masked\":[[false,true,true],[true,false,true],[true,true,false]]}\n")
    }
}
