/// How search reads text: accents and case folded away, words of two characters or more.
///
/// The browser folds queries the same way (`s.normalize("NFKD")`, marks removed, lower case, final
/// sigma as sigma, split on what is neither a letter nor a number), so "cote" finds "Côte d'Ivoire".
enum SearchText {
    /// The folded words of `text`, in order: `"Côte d'Ivoire"` → `["cote", "ivoire"]`.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        // The word being read, as UTF-8 bytes: appending bytes is far cheaper than scalars.
        var word: [UInt8] = []
        word.reserveCapacity(32)
        var length = 0
        func end() {
            if length >= 2 { words.append(String(decoding: word, as: UTF8.self)) }
            word.removeAll(keepingCapacity: true)
            length = 0
        }
        func append(_ scalar: Unicode.Scalar) {
            UTF8.encode(scalar) { word.append($0) }
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                if (value >= 97 && value <= 122) || (value >= 48 && value <= 57) {
                    word.append(UInt8(value))
                    length += 1
                } else if value >= 65 && value <= 90 {
                    word.append(UInt8(value + 32))
                    length += 1
                } else {
                    end()
                }
                continue
            }
            for part in String(scalar).decomposedStringWithCompatibilityMapping.unicodeScalars {
                switch part.properties.generalCategory {
                case .nonspacingMark, .spacingMark, .enclosingMark:
                    continue
                case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                    .decimalNumber, .letterNumber, .otherNumber:
                    if part.value < 0x80 {
                        let lower = part.value >= 65 && part.value <= 90 ? part.value + 32 : part.value
                        word.append(UInt8(lower))
                    } else {
                        // Final sigma reads as sigma: lower-casing a whole word (as the browser does)
                        // and one letter at a time then agree.
                        for lower in part.properties.lowercaseMapping.unicodeScalars {
                            append(lower.value == 0x3C2 ? "\u{3C3}" : lower)
                        }
                    }
                    length += 1
                default:
                    end()
                }
            }
        }
        end()
        return words
    }

    /// The first `count` characters (Unicode scalars) of `word`.
    static func prefix(_ word: String, _ count: Int) -> String {
        String(String.UnicodeScalarView(word.unicodeScalars.prefix(count)))
    }

    /// A key's file name: the key when it is lowercase ASCII letters and digits, else `_` and the
    /// hex of its UTF-8 bytes (`_c3a974`).
    static func fileName(ofKey key: String) -> String {
        if key.utf8.allSatisfy({ ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) }) { return key }
        let hex = Array("0123456789abcdef")
        return "_" + String(key.utf8.flatMap { [hex[Int($0 >> 4)], hex[Int($0 & 15)]] })
    }
}
