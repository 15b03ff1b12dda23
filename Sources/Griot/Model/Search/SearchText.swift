/// How search reads text: accents and case folded away, words of two characters or more.
///
/// The browser folds queries the same way (`s.normalize("NFKD")`, marks removed, lower case, final
/// sigma as sigma, split on what is neither a letter nor a number), so "cote" finds "Côte d'Ivoire".
enum SearchText {
    /// The folded words of `text`, in order: `"Côte d'Ivoire"` → `["cote", "ivoire"]`.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        forEachWord(in: text) { words.append(String(decoding: $0, as: UTF8.self)) }
        return words
    }

    /// Calls `body` with the UTF-8 bytes of each folded word of `text`, in order, without making
    /// a `String` of it; the bytes are valid only during the call.
    static func forEachWord(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        // The word being read, as UTF-8 bytes: appending bytes is far cheaper than scalars.
        var word: [UInt8] = []
        word.reserveCapacity(32)
        var length = 0
        func end() {
            if length >= 2 { word.withUnsafeBufferPointer(body) }
            word.removeAll(keepingCapacity: true)
            length = 0
        }
        func append(_ scalar: Unicode.Scalar) {
            UTF8.encode(scalar) { word.append($0) }
        }
        func other(_ scalar: Unicode.Scalar) {
            switch scalar.properties.generalCategory {
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
                .finalPunctuation, .otherPunctuation, .spaceSeparator, .lineSeparator, .paragraphSeparator, .control:
                // Quotes, dashes and spaces: their compatibility forms hold no letter either.
                end()
                return
            default:
                break
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
        // The text's UTF-8, read byte by byte: ASCII (nearly all of it) needs no decoding.
        var copy = text
        copy.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    if (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) {
                        word.append(byte)
                        length += 1
                    } else if byte >= 65 && byte <= 90 {
                        word.append(byte + 32)
                        length += 1
                    } else {
                        end()
                    }
                    index += 1
                    continue
                }
                let count = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                var value = UInt32(byte) & (count == 4 ? 0x07 : count == 3 ? 0x0F : 0x1F)
                for offset in 1..<count where index + offset < bytes.count {
                    value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
                }
                index += count
                if let scalar = Unicode.Scalar(value) { other(scalar) } else { end() }
            }
        }
        end()
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
