/// Loads an export and checks its shape against the records contract: XML with the bundled
/// XML Schema (``XMLSchemaValidator``), JSON by walking its records (``ContractValidator``).
public enum RecordValidation {
    /// The outcome of validating one export.
    public struct Outcome: Sendable {
        /// The loaded records.
        public var records: RecordSet
        /// Every structural violation, sorted by line.
        public var violations: [StructuralViolation]
    }

    /// Loads and validates the export at `path`.
    ///
    /// - Throws: ``RecordLoadError`` when the file cannot be read or is not well-formed.
    public static func validate(path: String, fileIndex: Int32 = 0) throws(RecordLoadError) -> Outcome {
        let records = try RecordLoader.load(path: path, fileIndex: fileIndex)
        if records.inputs.first?.format == .xml {
            return Outcome(records: records, violations: try XMLSchemaValidator.validate(path: path))
        }
        return Outcome(records: records, violations: records.violations + ContractValidator.violations(in: records))
    }

    /// Loads the export at `path` and checks its structure by walking the loaded records, the
    /// same way for both spellings, so XML and JSON give the same violations and the file is
    /// read once. This is what `check` runs; ``validate(path:fileIndex:)`` adds the XML Schema.
    /// The records' names go to `names` (give every file of a run its table).
    public static func load(path: String, fileIndex: Int32 = 0, names: NameTable = NameTable())
        throws(RecordLoadError) -> RecordSet
    {
        var records = try RecordLoader.load(path: path, fileIndex: fileIndex, names: names)
        // The loader's own notes (a workbook's hidden sheets, formulas without a value) come first.
        records.violations += ContractValidator.violations(in: records)
        return records
    }
}
