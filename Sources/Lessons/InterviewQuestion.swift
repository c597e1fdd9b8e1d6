/// One interview question of lesson 6: a `## Q<n>: …` heading and the blocks under it.
public struct InterviewQuestion: Equatable, Sendable {
    /// `Q1`, `Q2`, …: the stable key the quiz remembers.
    public var id: String
    /// The heading text, e.g. `Q1: How does attention differ between LLMs and VLMs?`.
    public var title: String
    /// Everything up to the next heading of level 1 or 2 or a `---` break.
    public var answer: [Block]

    /// The questions of `lesson` in order.
    public static func all(in lesson: Lesson) -> [InterviewQuestion] {
        var questions: [InterviewQuestion] = []
        var isCollecting = false
        for block in lesson.blocks {
            switch block {
            case .heading(let level, let inlines) where level <= 2:
                let title = Inline.plainText(inlines)
                let id = questionID(title)
                isCollecting = id != nil
                if let id { questions.append(InterviewQuestion(id: id, title: title, answer: [])) }
            case .thematicBreak:
                isCollecting = false
            default:
                if isCollecting { questions[questions.count - 1].answer.append(block) }
            }
        }
        return questions
    }

    /// `Q3` for a title like `Q3: …`, otherwise `nil`.
    static func questionID(_ title: String) -> String? {
        guard title.first == "Q", let colon = title.firstIndex(of: ":") else { return nil }
        let number = title[title.index(after: title.startIndex)..<colon]
        return Int(number) == nil ? nil : String(title[..<colon])
    }

    /// The question as blocks: its heading, then the answer.
    public var blocks: [Block] {
        [.heading(level: 2, [.text(title)])] + answer
    }
}
