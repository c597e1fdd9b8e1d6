extension UnicodeMath {
    /// A cursor over LaTeX source that converts as it reads.
    struct Reader {
        let characters: [Character]
        var position = 0

        /// Converts atoms until `terminator` (or the end) and consumes the terminator.
        mutating func sequence(until terminator: Character?) -> String {
            var output = ""
            while position < characters.count {
                let character = characters[position]
                if character == terminator {
                    position += 1
                    return output
                }
                switch character {
                case "^":
                    position += 1
                    output += UnicodeMath.script(atom(), table: UnicodeMath.superscripts, marker: "^")
                case "_":
                    position += 1
                    output += UnicodeMath.script(atom(), table: UnicodeMath.subscripts, marker: "_")
                case " ", "\n", "\t":
                    position += 1
                    if !output.hasSuffix(" ") { output += " " }
                default:
                    output += atom()
                }
            }
            return output
        }

        /// One unit: a `{group}`, a `\command` with its arguments, or one character.
        mutating func atom() -> String {
            guard position < characters.count else { return "" }
            let character = characters[position]
            position += 1
            switch character {
            case "{": return sequence(until: "}")
            case "\\": return command(named: commandName())
            default: return String(character)
            }
        }

        /// The letters after a backslash, or the single non-letter that follows it.
        mutating func commandName() -> String {
            var name = ""
            while position < characters.count, characters[position].isLetter {
                name.append(characters[position])
                position += 1
            }
            if name.isEmpty, position < characters.count {
                name = String(characters[position])
                position += 1
            }
            return name
        }

        /// The raw text of a `{…}` argument (no conversion), used by `\text`.
        mutating func rawArgument() -> String {
            guard position < characters.count, characters[position] == "{" else { return atom() }
            position += 1
            var depth = 1
            var text = ""
            while position < characters.count {
                let character = characters[position]
                position += 1
                if character == "{" { depth += 1 }
                if character == "}" { depth -= 1 }
                if depth == 0 { break }
                text.append(character)
            }
            return text
        }

        mutating func command(named name: String) -> String {
            switch name {
            case "frac":
                let numerator = atom()
                let denominator = atom()
                return UnicodeMath.grouped(numerator) + "/" + UnicodeMath.grouped(denominator)
            case "sqrt":
                return "√" + UnicodeMath.grouped(atom())
            case "text", "mathrm", "operatorname":
                return rawArgument()
            case "mathbf", "mathit":
                return atom()
            case "mathbb":
                let letter = rawArgument()
                return letter.first.flatMap { UnicodeMath.blackboard[$0] } ?? letter
            default:
                return UnicodeMath.symbols[name] ?? "\\" + name
            }
        }
    }
}
