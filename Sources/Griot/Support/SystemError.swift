import Foundation

/// The system's wording for an `errno` value, in lowercase to sit inside a sentence:
/// "no such file or directory".
func systemErrorDescription(_ code: Int32 = errno) -> String {
    String(cString: strerror(code)).lowercased()
}
