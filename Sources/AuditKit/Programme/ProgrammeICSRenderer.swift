import Crypto
import Foundation

/// An audit programme as an iCalendar file (RFC 5545): one all-day VEVENT per audit that has a
/// planned date, on that date. Byte-identical for identical inputs: each UID is the audit's kind and a
/// hash of the decision date and standards, and DTSTAMP is the certification decision date at
/// midnight UTC, never the clock. Lines end with CRLF and are folded at 75 octets; text values
/// escape `\`, `;`, `,` and line breaks.
public enum ProgrammeICSRenderer {
    /// The iCalendar text of `programme`, texts in `language`.
    public static func render(_ programme: AuditProgramme, language: Language) -> String {
        let s = ProgrammeStrings(language)
        let key = identity(of: programme)
        let stamp = basic(programme.certifiedOn) + "T000000Z"
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0",
            "PRODID:-//auditready//audit programme \(AuditKit.version)//\(language.rawValue.uppercased())",
            "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "X-WR-CALNAME:" + text(s.title)
        ]
        for audit in programme.audits {
            guard let planned = audit.planned else { continue }
            var description = [String]()
            if let earliest = audit.earliest, let latest = audit.latest {
                description.append(
                    s.earliest + s.colon + earliest.description + " — " + s.latest + s.colon + latest.description)
            } else if let latest = audit.latest {
                description.append(s.latest + s.colon + latest.description)
            }
            description.append(s.rule(audit.kind, margin: programme.parameters.recertificationMarginMonths))
            description.append(s.auditorDays + s.colon + audit.auditorDays.formatted(language))
            description.append(s.sitesVisited + s.colon + "\(audit.sitesToVisit)")
            if !audit.topics.isEmpty {
                description.append(
                    s.everySurveillance + s.colon + audit.topics.map { $0.title(language) }.joined(separator: "; "))
            }
            description.append(s.clauses + s.colon + audit.clauses.map(\.reference).joined(separator: ", "))
            lines += [
                "BEGIN:VEVENT",
                "UID:\(audit.kind.rawValue)-\(key)@auditready",
                "DTSTAMP:\(stamp)",
                "DTSTART;VALUE=DATE:\(basic(planned))",
                "DTEND;VALUE=DATE:\(basic(planned.adding(days: 1)))",
                "SUMMARY:"
                    + text(s.kind(audit.kind) + " — " + programme.standards.map(\.title).joined(separator: ", ")),
                "DESCRIPTION:" + text(description.joined(separator: "\n")),
                "TRANSP:TRANSPARENT",
                "END:VEVENT"
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map { fold($0) + "\r\n" }.joined()
    }

    /// `20270315` for 2027-03-15 (RFC 5545 DATE).
    static func basic(_ date: CalendarDate) -> String { date.description.replacingOccurrences(of: "-", with: "") }

    /// A TEXT value escaped (RFC 5545 3.3.11).
    static func text(_ value: String) -> String {
        var out = ""
        for character in value {
            switch character {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n", "\r": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }

    /// `line` folded so no line exceeds 75 octets (RFC 5545 3.1): continuation lines start with
    /// one space; a UTF-8 sequence is never split.
    static func fold(_ line: String) -> String {
        var pieces: [String] = []
        var current = ""
        var octets = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            let limit = pieces.isEmpty ? 75 : 74
            if octets + size > limit {
                pieces.append(current)
                current = ""
                octets = 0
            }
            current.unicodeScalars.append(scalar)
            octets += size
        }
        pieces.append(current)
        return pieces.joined(separator: "\r\n ")
    }

    /// The first 16 hex digits of SHA-256 over what identifies the cycle (the decision date and
    /// the standards): the same cycle always gives the same UIDs, so a calendar that imports a
    /// re-planned programme (another headcount, other parameters) updates its events in place.
    static func identity(of programme: AuditProgramme) -> String {
        let parts = [programme.certifiedOn.description, programme.standards.map(\.rawValue).joined(separator: ",")]
        let digest = SHA256.hash(data: Data(parts.joined(separator: "\n").utf8))
        return digest.prefix(8).map { String(format: "%02x", $0) }.joined()
    }
}
