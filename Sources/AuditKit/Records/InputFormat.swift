/// How an input file is written: the records contract in XML or JSON, or a register read
/// through a mapping or laid out like the contract (CSV, Excel workbook). Reports write it in
/// lower case (`"format": "xml"`).
public enum InputFormat: String, Sendable, Codable, CaseIterable {
    case xml, json, csv, xlsx

    /// The name reports show beside the file: `XML`, `JSON`, `CSV`, `XLSX`.
    public var label: String { rawValue.uppercased() }
}
