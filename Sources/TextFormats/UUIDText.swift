/// UUID text in the canonical lower-case 8-4-4-4-12 form: how records are named everywhere.
public enum UUIDText {
    /// Whether `text` is exactly that form.
    public static func isCanonical(_ text: String) -> Bool {
        // Bytes, not Characters: this runs for every record of every sync batch.
        let bytes = text.utf8
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            switch index {
            case 8, 13, 18, 23: if byte != 45 { return false }
            default: if !((48...57).contains(byte) || (97...102).contains(byte)) { return false }
            }
        }
        return true
    }
}
