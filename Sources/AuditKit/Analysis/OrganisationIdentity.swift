import Foundation

/// Who the export belongs to, as the export says (`export.organisation_id`, `organisation.name`,
/// `organisation.scope`, the names of `organisation.sites`): what tells the reports of one
/// organisation from another's in the certification dossier.
public struct OrganisationIdentity: Sendable, Codable, Equatable {
    /// `export.organisation_id`, when the export gives it.
    public var id: String?
    public var name: String?
    /// The scope of the management system, as declared.
    public var scope: String?
    /// The names (else ids) of the sites, when the export lists them.
    public var sites: [String]?

    enum CodingKeys: String, CodingKey { case id, name, scope, sites }

    /// Creates an identity.
    public init(id: String? = nil, name: String? = nil, scope: String? = nil, sites: [String]? = nil) {
        self.id = id
        self.name = name
        self.scope = scope
        self.sites = sites
    }

    /// What the export `root` says of its organisation, or nil when it says nothing.
    static func read(root: Record) -> OrganisationIdentity? {
        let organisation = root["organisation"]?.record
        func text(_ value: Value?) -> String? {
            guard let text = value?.text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else {
                return nil
            }
            return text
        }
        let sites = (organisation?["sites"]?.items ?? []).compactMap { site in
            text(site.record?["name"]) ?? text(site.record?["id"]) ?? text(site)
        }
        let identity = OrganisationIdentity(
            id: text(root["export"]?.record?["organisation_id"]),
            name: text(organisation?["name"]), scope: text(organisation?["scope"]),
            sites: sites.isEmpty ? nil : sites)
        return identity == OrganisationIdentity() ? nil : identity
    }
}
