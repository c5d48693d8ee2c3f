/// Which directions a text's letters run in: whether it has letters of a right-to-left script
/// (Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan, Mandaic and their presentation forms) and
/// letters of any other script. Enough to tell a Hebrew name from an English one; it is not
/// the Unicode bidirectional algorithm (Pango's FriBidi applies that when the text is laid
/// out). Written here because neither the standard library nor Foundation exposes a
/// character's bidirectional class; ICU's `u_charDirection` would, through a C shim, for the
/// same answer on these ranges.
struct StrongDirections {
    var rightToLeft = false
    var leftToRight = false

    init(_ text: String) {
        for scalar in text.unicodeScalars {
            if Self.isRightToLeftLetter(scalar) {
                rightToLeft = true
            } else if scalar.properties.isAlphabetic {
                leftToRight = true
            }
            if rightToLeft && leftToRight { break }
        }
    }

    static func isRightToLeftLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF, 0x10800...0x10FFF, 0x1E800...0x1EFFF:
            scalar.properties.isAlphabetic
        default:
            false
        }
    }
}
