/// The fixed part of a generated sample export: the organisation, its people, processes,
/// documents, audits and reviews, taken from the acme-small sample. ``SampleGenerator`` adds the
/// large collections (complaints, orders, releases, nonconformities) around it.
enum SampleTemplate {
    /// The records, as JSON in the records contract.
    static let json = #"""
{
 "export": {
  "exported_on": "2026-11-13T16:40:00+01:00",
  "source_system": "Qualios export v2 (spreadsheet consolidation)",
  "organisation_id": "FR-ADM-74"
 },
 "organisation": {
  "name": "Atelier Dupont Mécanique SAS",
  "scope": "Precision CNC turning and milling of steel, stainless steel and aluminium parts to customer drawings, small-batch assembly of machined sub-assemblies, and repair of machined parts, for industrial hydraulics, packaging machinery and instrumentation customers, at our site in Cluses (Haute-Savoie).",
  "sites": [
   {
    "id": "S1",
    "name": "Cluses workshop and offices",
    "address": "14 rue des Décolleteurs, 74300 Cluses, France"
   }
  ],
  "standards": [
   "ISO 9001:2015",
   "ISO 10002:2018"
  ],
  "not_applicable": [
   {
    "clause": "8.3",
    "justification": "We machine parts exclusively to drawings and specifications supplied by our customers; we do not design products or define their characteristics. Process planning (routings, programmes, fixtures) is controlled under 8.1 and 8.5.1."
   }
  ],
  "top_management": [
   "P01",
   "P02"
  ]
 },
 "context_issues": [
  {
   "id": "CI-01",
   "kind": "external",
   "description": "Dependence on the hydraulics sector, which makes up about 40% of turnover",
   "reviewed_on": "2026-09-29"
  },
  {
   "id": "CI-02",
   "kind": "external",
   "description": "Volatile prices and lead times for stainless steel bar",
   "reviewed_on": "2026-09-29"
  },
  {
   "id": "CI-03",
   "kind": "internal",
   "description": "Two senior setters retire within three years; setup know-how is held by few people",
   "reviewed_on": "2026-09-29"
  },
  {
   "id": "CI-04",
   "kind": "internal",
   "description": "Ageing 3-axis milling centre with rising breakdown frequency",
   "reviewed_on": "2026-09-29"
  }
 ],
 "interested_parties": [
  {
   "id": "IP-01",
   "name": "Customers (industrial OEMs)",
   "requirements": "Conforming parts to drawing, on-time delivery, material certificates, change notification",
   "reviewed_on": "2026-01-15"
  },
  {
   "id": "IP-02",
   "name": "Suppliers and subcontractors",
   "requirements": "Clear purchase orders, payment on terms, forecast visibility",
   "reviewed_on": "2026-01-15"
  },
  {
   "id": "IP-03",
   "name": "Employees",
   "requirements": "Safe workplace, training, stable employment",
   "reviewed_on": "2026-01-15"
  },
  {
   "id": "IP-04",
   "name": "Authorities (DREAL, labour inspectorate)",
   "requirements": "Compliance with environmental permit for cutting-fluid waste and with machine safety rules",
   "reviewed_on": "2026-01-15"
  },
  {
   "id": "IP-05",
   "name": "Owners and bank",
   "requirements": "Profitability, continuity of the business",
   "reviewed_on": "2026-01-15"
  }
 ],
 "processes": [
  {
   "id": "PR-MGT",
   "name": "Management and strategy",
   "owner": "P01",
   "inputs": "Context issues, interested-party requirements, performance data",
   "outputs": "Policy, objectives, budget, management review decisions",
   "criteria": "Objectives reviewed quarterly; management review held yearly",
   "kpis": "Objectives achieved (%)",
   "risks": [
    "R-02",
    "O-01"
   ]
  },
  {
   "id": "PR-SAL",
   "name": "Sales and order review",
   "owner": "P05",
   "inputs": "Requests for quotation, drawings, customer orders",
   "outputs": "Quotations, reviewed and confirmed orders",
   "criteria": "Every order reviewed before confirmation; quotation within 5 working days",
   "kpis": "Quotation lead time; order review rate",
   "risks": [
    "R-02"
   ]
  },
  {
   "id": "PR-PUR",
   "name": "Purchasing and supplier control",
   "owner": "P08",
   "inputs": "Material and subcontracting needs from planning",
   "outputs": "Purchase orders, approved supplier list, incoming inspection results",
   "criteria": "Only approved suppliers used; critical suppliers evaluated yearly",
   "kpis": "Supplier on-time delivery (%)",
   "risks": [
    "R-04"
   ]
  },
  {
   "id": "PR-PRD",
   "name": "CNC production",
   "owner": "P04",
   "inputs": "Confirmed orders, material, programmes, drawings",
   "outputs": "Machined parts and sub-assemblies",
   "criteria": "First-off inspection approved before series; in-process checks per inspection plan",
   "kpis": "On-time delivery (%); internal scrap rate (%)",
   "risks": [
    "R-01",
    "R-03"
   ]
  },
  {
   "id": "PR-INS",
   "name": "Inspection and release",
   "owner": "P07",
   "inputs": "Parts from production, inspection plans, drawings",
   "outputs": "Inspection reports, certificates of conformity, released lots",
   "criteria": "No lot shipped without a signed final inspection report",
   "kpis": "Escaped defects (ppm)",
   "risks": [
    "R-01"
   ]
  },
  {
   "id": "PR-QMS",
   "name": "Quality management and improvement",
   "owner": "P03",
   "inputs": "Audit results, nonconformities, complaints, measurement data",
   "outputs": "Corrective actions, analyses, audit reports, complaint responses",
   "criteria": "Corrective actions closed by due date; complaints acknowledged within 2 days",
   "kpis": "Corrective actions on time (%); complaints resolved within 20 days (%)",
   "risks": [
    "R-03"
   ]
  },
  {
   "id": "PR-HR",
   "name": "Human resources and competence",
   "owner": "P02",
   "inputs": "Competence needs, recruitment requests",
   "outputs": "Trained and qualified staff, competence matrix",
   "criteria": "Competence matrix reviewed yearly; training evaluated within 3 months",
   "kpis": "Training plan completion (%)",
   "risks": [
    "R-03"
   ]
  }
 ],
 "people": [
  {
   "id": "P01",
   "name": "Marc Dupont",
   "role": "R-DG",
   "department": "Management",
   "joined_on": "2004-09-01"
  },
  {
   "id": "P02",
   "name": "Isabelle Moreau",
   "role": "R-ADM",
   "department": "Administration",
   "joined_on": "2011-03-14"
  },
  {
   "id": "P03",
   "name": "Julien Bernard",
   "role": "R-QM",
   "department": "Quality",
   "joined_on": "2017-06-06"
  },
  {
   "id": "P04",
   "name": "Thomas Girard",
   "role": "R-PROD",
   "department": "Production",
   "joined_on": "2009-01-05"
  },
  {
   "id": "P05",
   "name": "Nadia Benali",
   "role": "R-SALES",
   "department": "Sales",
   "joined_on": "2019-10-01"
  },
  {
   "id": "P06",
   "name": "Lucas Petit",
   "role": "R-OP",
   "department": "Production",
   "joined_on": "2021-04-19"
  },
  {
   "id": "P07",
   "name": "Élodie Faure",
   "role": "R-INSP",
   "department": "Quality",
   "joined_on": "2015-02-02"
  },
  {
   "id": "P08",
   "name": "Karim Haddad",
   "role": "R-BUY",
   "department": "Purchasing",
   "joined_on": "2016-11-07"
  }
 ],
 "roles": [
  {
   "id": "R-DG",
   "title": "Managing director (Président)",
   "responsibilities": "Strategy, budget, quality policy, management review",
   "authority": "Approves policy, objectives, investments and the audit programme",
   "competence_criteria": "Engineering or business degree; 10 years' management experience",
   "qms_duties": []
  },
  {
   "id": "R-ADM",
   "title": "Administrative and finance director",
   "responsibilities": "Finance, HR, IT",
   "authority": "Approves recruitment and training budget",
   "competence_criteria": "Business degree; 5 years in SME administration",
   "qms_duties": []
  },
  {
   "id": "R-QM",
   "title": "Quality manager",
   "responsibilities": "Runs the quality system, internal audits, corrective actions, complaints handling",
   "authority": "Can stop shipment of suspect product; represents the company towards the certification body",
   "competence_criteria": "Technical degree; ISO 9001 and internal auditor training; 3 years in quality",
   "qms_duties": [
    "qms_conformity",
    "performance_reporting",
    "change_integrity"
   ]
  },
  {
   "id": "R-PROD",
   "title": "Production manager",
   "responsibilities": "Planning, machining, maintenance",
   "authority": "Allocates machines and staff; decides rework or scrap with quality",
   "competence_criteria": "Mechanical engineering diploma; 5 years CNC production",
   "qms_duties": [
    "process_outputs"
   ]
  },
  {
   "id": "R-SALES",
   "title": "Sales and customer service",
   "responsibilities": "Quotations, order review, customer contact, first line for complaints",
   "authority": "Confirms orders after review",
   "competence_criteria": "Technical sales training; drawing reading",
   "qms_duties": [
    "customer_focus"
   ]
  },
  {
   "id": "R-OP",
   "title": "CNC setter-operator",
   "responsibilities": "Machine setup, first-off and in-process checks",
   "authority": "Stops the machine on a nonconformity",
   "competence_criteria": "CAP/BAC pro machining; internal setup qualification",
   "qms_duties": []
  },
  {
   "id": "R-INSP",
   "title": "Inspector and metrologist",
   "responsibilities": "Final inspection, CMM programming, calibration register",
   "authority": "Releases lots; quarantines nonconforming parts",
   "competence_criteria": "BTS in industrial metrology or equivalent; CMM training",
   "qms_duties": []
  },
  {
   "id": "R-BUY",
   "title": "Buyer and logistics",
   "responsibilities": "Purchasing, supplier evaluation, shipping",
   "authority": "Places purchase orders with approved suppliers",
   "competence_criteria": "Purchasing training; 2 years' experience",
   "qms_duties": []
  }
 ],
 "competence_records": [
  {
   "id": "CR-01",
   "person": "P01",
   "kind": "education",
   "description": "Diplôme d'ingénieur, mechanical engineering (ENSMM Besançon)",
   "completed_on": "1998-06-30"
  },
  {
   "id": "CR-02",
   "person": "P02",
   "kind": "education",
   "description": "Master in business administration",
   "completed_on": "2006-07-01"
  },
  {
   "id": "CR-03",
   "person": "P03",
   "kind": "training",
   "description": "Internal auditor course, ISO 9001 and ISO 19011 (3 days)",
   "completed_on": "2025-10-08",
   "evaluated_on": "2026-03-13",
   "effective": true
  },
  {
   "id": "CR-04",
   "person": "P03",
   "kind": "training",
   "description": "Complaints handling to ISO 10002 (1 day)",
   "completed_on": "2025-11-20",
   "evaluated_on": "2026-02-20",
   "effective": true
  },
  {
   "id": "CR-05",
   "person": "P04",
   "kind": "experience",
   "description": "17 years CNC production, 8 as production manager",
   "completed_on": "2026-01-05"
  },
  {
   "id": "CR-06",
   "person": "P05",
   "kind": "training",
   "description": "Customer complaint handling and difficult conversations (1 day)",
   "completed_on": "2026-02-03",
   "evaluated_on": "2026-05-12",
   "effective": true
  },
  {
   "id": "CR-07",
   "person": "P06",
   "kind": "certificate",
   "description": "Internal setup qualification, DMG Mori CTX lathe",
   "completed_on": "2025-09-15",
   "evaluated_on": "2025-09-15",
   "effective": true
  },
  {
   "id": "CR-08",
   "person": "P07",
   "kind": "training",
   "description": "Zeiss Calypso CMM programming, level 2",
   "completed_on": "2026-03-27",
   "evaluated_on": "2026-06-30",
   "effective": true
  },
  {
   "id": "CR-09",
   "person": "P08",
   "kind": "experience",
   "description": "9 years purchasing in the machining sector",
   "completed_on": "2025-11-07"
  }
 ],
 "policies": [
  {
   "id": "POL-Q",
   "kind": "quality",
   "title": "Quality policy",
   "version": "3",
   "statement": "Atelier Dupont Mécanique commits to delivering machined parts that meet our customers' drawings and all applicable legal and contractual requirements, on time. We set yearly objectives, involve every employee, and continually improve our processes and our quality management system.",
   "approved_by": "P01",
   "approved_on": "2025-01-10",
   "communicated_on": "2025-01-20",
   "published": true,
   "publication": "Workshop notice board, staff handbook and www.dupont-mecanique.fr/qualite"
  },
  {
   "id": "POL-C",
   "kind": "complaints",
   "title": "Complaints policy",
   "version": "1",
   "statement": "Every complaint is welcome, free of charge, registered, acknowledged within two working days and handled fairly by someone not involved in the matter complained about.",
   "approved_by": "P01",
   "approved_on": "2025-03-03",
   "communicated_on": "2025-03-10",
   "published": true,
   "publication": "www.dupont-mecanique.fr/reclamations and back of every order confirmation"
  }
 ],
 "objectives": [
  {
   "id": "OBJ-01",
   "statement": "Deliver at least 95% of order lines on or before the confirmed date",
   "process": "PR-PRD",
   "measure": "Order lines delivered on time / order lines delivered",
   "target": "95",
   "unit": "%",
   "owner": "P04",
   "due_on": "2026-12-31",
   "frequency": "monthly",
   "evaluation_method": "Monthly KPI meeting; yearly trend in management review",
   "measurements": [
    {
     "period": "2026-01",
     "value": "93.1",
     "recorded_on": "2026-02-04"
    },
    {
     "period": "2026-02",
     "value": "94.8",
     "recorded_on": "2026-03-04"
    },
    {
     "period": "2026-03",
     "value": "95.6",
     "recorded_on": "2026-04-03"
    },
    {
     "period": "2026-04",
     "value": "96.2",
     "recorded_on": "2026-05-05"
    },
    {
     "period": "2026-05",
     "value": "95.0",
     "recorded_on": "2026-06-03"
    },
    {
     "period": "2026-06",
     "value": "94.1",
     "recorded_on": "2026-07-03"
    },
    {
     "period": "2026-07",
     "value": "96.8",
     "recorded_on": "2026-08-04"
    },
    {
     "period": "2026-08",
     "value": "97.2",
     "recorded_on": "2026-09-03"
    },
    {
     "period": "2026-09",
     "value": "95.9",
     "recorded_on": "2026-10-05"
    },
    {
     "period": "2026-10",
     "value": "96.4",
     "recorded_on": "2026-11-04"
    }
   ]
  },
  {
   "id": "OBJ-02",
   "statement": "Keep internal scrap below 1.5% of machined parts",
   "process": "PR-PRD",
   "measure": "Scrapped parts / parts produced",
   "target": "1.5",
   "unit": "%",
   "owner": "P04",
   "due_on": "2026-12-31",
   "frequency": "monthly",
   "evaluation_method": "Monthly KPI meeting; Pareto of scrap causes each quarter",
   "measurements": [
    {
     "period": "2026-01",
     "value": "1.9",
     "recorded_on": "2026-02-04"
    },
    {
     "period": "2026-02",
     "value": "1.7",
     "recorded_on": "2026-03-04"
    },
    {
     "period": "2026-03",
     "value": "1.4",
     "recorded_on": "2026-04-03"
    },
    {
     "period": "2026-04",
     "value": "1.6",
     "recorded_on": "2026-05-05"
    },
    {
     "period": "2026-05",
     "value": "1.3",
     "recorded_on": "2026-06-03"
    },
    {
     "period": "2026-06",
     "value": "1.2",
     "recorded_on": "2026-07-03"
    },
    {
     "period": "2026-07",
     "value": "1.5",
     "recorded_on": "2026-08-04"
    },
    {
     "period": "2026-08",
     "value": "1.1",
     "recorded_on": "2026-09-03"
    },
    {
     "period": "2026-09",
     "value": "1.3",
     "recorded_on": "2026-10-05"
    },
    {
     "period": "2026-10",
     "value": "1.2",
     "recorded_on": "2026-11-04"
    }
   ]
  },
  {
   "id": "OBJ-03",
   "statement": "Resolve at least 90% of complaints within 20 days",
   "process": "PR-QMS",
   "measure": "Complaints closed within 20 days / complaints closed",
   "target": "90",
   "unit": "%",
   "owner": "P03",
   "due_on": "2026-12-31",
   "frequency": "quarterly",
   "evaluation_method": "Quarterly complaints review; yearly in management review",
   "measurements": [
    {
     "period": "2026-Q1",
     "value": "100",
     "recorded_on": "2026-04-08"
    },
    {
     "period": "2026-Q2",
     "value": "67",
     "recorded_on": "2026-07-07"
    },
    {
     "period": "2026-Q3",
     "value": "100",
     "recorded_on": "2026-10-06"
    }
   ]
  },
  {
   "id": "OBJ-04",
   "statement": "Raise supplier on-time delivery to 92%",
   "process": "PR-PUR",
   "measure": "Purchase order lines received on time / lines received",
   "target": "92",
   "unit": "%",
   "owner": "P08",
   "due_on": "2026-12-31",
   "frequency": "quarterly",
   "evaluation_method": "Quarterly supplier review",
   "measurements": [
    {
     "period": "2026-Q1",
     "value": "88",
     "recorded_on": "2026-04-10"
    },
    {
     "period": "2026-Q2",
     "value": "90",
     "recorded_on": "2026-07-09"
    },
    {
     "period": "2026-Q3",
     "value": "93",
     "recorded_on": "2026-10-08"
    }
   ]
  }
 ],
 "risks": [
  {
   "id": "R-01",
   "kind": "risk",
   "description": "Breakdown of the CMM would stop final inspection",
   "process": "PR-INS",
   "action": "Maintenance contract with 48-hour response; manual inspection fallback plan",
   "owner": "P07",
   "due_on": "2026-06-30",
   "evaluated_on": "2026-07-15",
   "effective": true
  },
  {
   "id": "R-02",
   "kind": "risk",
   "description": "Loss of the main hydraulics customer",
   "process": "PR-SAL",
   "action": "Prospect two packaging-machinery customers",
   "owner": "P05",
   "due_on": "2026-12-31"
  },
  {
   "id": "R-03",
   "kind": "risk",
   "description": "Setup know-how lost when senior setters retire",
   "process": "PR-PRD",
   "action": "Illustrated setup sheets for the 30 main part families; mentoring of two junior setters",
   "owner": "P04",
   "due_on": "2026-09-30",
   "evaluated_on": "2026-10-12",
   "effective": true
  },
  {
   "id": "R-04",
   "kind": "risk",
   "description": "Stainless bar shortages delay orders",
   "process": "PR-PUR",
   "action": "Qualify a second bar stockist",
   "owner": "P08",
   "due_on": "2026-04-30",
   "evaluated_on": "2026-05-20",
   "effective": false
  },
  {
   "id": "O-01",
   "kind": "opportunity",
   "description": "Entry into medical instrumentation parts",
   "process": "PR-MGT",
   "action": "Feasibility study for ISO 13485 requirements",
   "owner": "P01",
   "due_on": "2027-03-31"
  }
 ],
 "changes": [
  {
   "id": "CH-01",
   "description": "Move order, inspection and nonconformity records into the ERP quality module",
   "purpose": "One source of records; end of paper travellers",
   "consequences": "Risk of lost records during migration; parallel run for two months",
   "resources": "ERP consultant 6 days; training 2 hours per user",
   "responsible": "P03",
   "planned_on": "2026-02-02",
   "approved_by": "P01"
  },
  {
   "id": "CH-02",
   "description": "Install a 5-axis machining centre in place of the old 3-axis mill",
   "purpose": "Reduce setups and breakdowns",
   "consequences": "New programmes and first-off approvals for transferred parts; operator training",
   "resources": "Investment 420 k€; supplier training 5 days",
   "responsible": "P04",
   "planned_on": "2026-08-24",
   "approved_by": "P01"
  }
 ],
 "documents": [
  {
   "id": "DOC-001",
   "title": "Scope, process map and interactions",
   "origin": "internal",
   "version": "4",
   "author": "P03",
   "approved_by": "P01",
   "approved_on": "2026-01-12",
   "effective_on": "2026-01-15",
   "next_review_on": "2027-01-15",
   "status": "released",
   "retention": "Until superseded, then 3 years"
  },
  {
   "id": "DOC-002",
   "title": "Quality policy",
   "origin": "internal",
   "version": "3",
   "author": "P01",
   "approved_by": "P01",
   "approved_on": "2025-01-10",
   "effective_on": "2025-01-10",
   "next_review_on": "2027-01-10",
   "status": "released",
   "retention": "Until superseded, then 3 years"
  },
  {
   "id": "DOC-010",
   "title": "Order review procedure",
   "origin": "internal",
   "version": "2",
   "author": "P05",
   "approved_by": "P03",
   "approved_on": "2025-11-03",
   "effective_on": "2025-11-10",
   "next_review_on": "2027-11-10",
   "status": "released",
   "retention": "Until superseded, then 3 years"
  },
  {
   "id": "DOC-020",
   "title": "Inspection plan and final inspection report template",
   "origin": "internal",
   "version": "5",
   "author": "P07",
   "approved_by": "P03",
   "approved_on": "2026-03-02",
   "effective_on": "2026-03-02",
   "next_review_on": "2028-03-02",
   "status": "released",
   "retention": "Inspection reports: 10 years after delivery"
  },
  {
   "id": "DOC-030",
   "title": "Complaints handling procedure",
   "origin": "internal",
   "version": "2",
   "author": "P03",
   "approved_by": "P01",
   "approved_on": "2025-03-03",
   "effective_on": "2025-03-10",
   "next_review_on": "2027-03-10",
   "status": "released",
   "retention": "Complaint files: 5 years after closure"
  },
  {
   "id": "DOC-040",
   "title": "Calibration register",
   "origin": "internal",
   "version": "7",
   "author": "P07",
   "approved_by": "P03",
   "approved_on": "2026-04-15",
   "effective_on": "2026-04-15",
   "next_review_on": "2027-04-15",
   "status": "released",
   "retention": "Calibration certificates: life of instrument + 5 years"
  },
  {
   "id": "DOC-050",
   "title": "Nonconformity and corrective action procedure",
   "origin": "internal",
   "version": "3",
   "author": "P03",
   "approved_by": "P01",
   "approved_on": "2025-06-16",
   "effective_on": "2025-06-16",
   "next_review_on": "2027-06-16",
   "status": "released",
   "retention": "NC records: 10 years"
  },
  {
   "id": "DOC-090",
   "title": "Final inspection instruction (paper)",
   "origin": "internal",
   "version": "1",
   "author": "P07",
   "approved_by": "P03",
   "approved_on": "2019-05-02",
   "effective_on": "2019-05-02",
   "status": "obsolete"
  },
  {
   "id": "DOC-101",
   "title": "ISO 2768-1 General tolerances",
   "origin": "external",
   "version": "1989",
   "status": "released",
   "retention": "Current edition kept"
  },
  {
   "id": "DOC-102",
   "title": "Customer quality manual, Alpes Hydraulique",
   "origin": "external",
   "version": "Rev. F (2025-09)",
   "status": "released",
   "retention": "Current edition kept"
  }
 ],
 "equipment": [
  {
   "id": "EQ-01",
   "description": "Digital caliper 0-150 mm, Mitutoyo",
   "used_for_verification": true,
   "calibration_interval_days": "365",
   "last_calibrated_on": "2026-02-10",
   "next_due_on": "2027-02-10",
   "traceable_to": "COFRAC-accredited laboratory, certificate 26-0412",
   "status": "in_service"
  },
  {
   "id": "EQ-02",
   "description": "Outside micrometer 25-50 mm, Tesa",
   "used_for_verification": true,
   "calibration_interval_days": "365",
   "last_calibrated_on": "2025-09-22",
   "next_due_on": "2026-09-22",
   "traceable_to": "COFRAC-accredited laboratory, certificate 25-1187",
   "status": "in_service"
  },
  {
   "id": "EQ-03",
   "description": "Coordinate measuring machine, Zeiss Contura",
   "used_for_verification": true,
   "calibration_interval_days": "365",
   "last_calibrated_on": "2026-04-14",
   "next_due_on": "2027-04-14",
   "traceable_to": "Zeiss accredited service, ISO 10360-2 certificate",
   "status": "in_service"
  },
  {
   "id": "EQ-04",
   "description": "Height gauge 600 mm, Trimos",
   "used_for_verification": true,
   "calibration_interval_days": "365",
   "last_calibrated_on": "2026-05-06",
   "next_due_on": "2027-05-06",
   "traceable_to": "COFRAC-accredited laboratory, certificate 26-0733",
   "status": "in_service"
  },
  {
   "id": "EQ-05",
   "description": "Thread plug gauge set M3-M12, 6H",
   "used_for_verification": true,
   "calibration_interval_days": "730",
   "last_calibrated_on": "2025-03-18",
   "next_due_on": "2027-03-18",
   "traceable_to": "COFRAC-accredited laboratory, certificate 25-0291",
   "status": "in_service"
  },
  {
   "id": "EQ-06",
   "description": "Surface roughness tester, Mahr MarSurf",
   "used_for_verification": true,
   "calibration_interval_days": "365",
   "last_calibrated_on": "2026-06-05",
   "next_due_on": "2027-06-05",
   "traceable_to": "Roughness standard with DAkkS certificate",
   "status": "in_service",
   "out_of_tolerance_on": "2026-06-03",
   "impact_assessed_on": "2026-06-05"
  },
  {
   "id": "EQ-07",
   "description": "CNC turning centre DMG Mori CTX 450",
   "used_for_verification": false,
   "status": "in_service"
  }
 ],
 "design_projects": [],
 "suppliers": [
  {
   "id": "SUP-01",
   "name": "Aciers du Rhône (bar stock)",
   "critical": true,
   "approved_on": "2014-05-12",
   "status": "approved",
   "reevaluation_interval_days": "365",
   "evaluations": [
    {
     "evaluated_on": "2025-01-22",
     "score": "80",
     "result": "approved"
    },
    {
     "evaluated_on": "2026-01-20",
     "score": "82",
     "result": "approved"
    }
   ]
  },
  {
   "id": "SUP-02",
   "name": "Thermi-Traitements Annecy (heat treatment)",
   "critical": true,
   "approved_on": "2018-02-01",
   "status": "conditional",
   "reevaluation_interval_days": "365",
   "evaluations": [
    {
     "evaluated_on": "2026-02-15",
     "score": "55",
     "result": "conditional",
     "action": "Supplier corrective action request SCAR-26-02; hardness checked on every incoming batch until two good quarters"
    }
   ]
  },
  {
   "id": "SUP-03",
   "name": "Anodisation Arve (anodising)",
   "critical": true,
   "approved_on": "2020-09-10",
   "status": "approved",
   "reevaluation_interval_days": "365",
   "evaluations": [
    {
     "evaluated_on": "2025-12-01",
     "score": "78",
     "result": "approved"
    }
   ]
  },
  {
   "id": "SUP-04",
   "name": "Emballages du Faucigny (boxes and foam)",
   "critical": false,
   "approved_on": "2019-01-15",
   "status": "approved",
   "evaluations": []
  }
 ],
 "nonconforming_outputs": [
  {
   "id": "NCO-26-011",
   "detected_on": "2026-09-10",
   "description": "12 valve bodies with bore 0.02 mm undersize",
   "disposition": "rework",
   "decided_by": "P04",
   "reverified_on": "2026-09-11"
  },
  {
   "id": "NCO-26-014",
   "detected_on": "2026-09-28",
   "description": "3 drive shafts with chatter marks on bearing seat",
   "disposition": "scrap",
   "decided_by": "P07"
  },
  {
   "id": "NCO-26-017",
   "detected_on": "2026-10-16",
   "description": "40 sensor housings with chamfer 0.3 mm instead of 0.5 mm",
   "disposition": "concession",
   "concession_by": "Customer Instruments Mont-Blanc, deviation approval DA-2026-07 signed by its quality engineer",
   "decided_by": "P03"
  }
 ],
 "satisfaction_surveys": [
  {
   "id": "SAT-2024",
   "method": "Yearly e-mail questionnaire to all active customers",
   "conducted_on": "2024-12-03",
   "responses": "12",
   "score": "4.0",
   "scale_max": "5"
  },
  {
   "id": "SAT-2025",
   "method": "Yearly e-mail questionnaire to all active customers",
   "conducted_on": "2025-12-05",
   "responses": "14",
   "score": "4.2",
   "scale_max": "5"
  }
 ],
 "audit_programme": {
  "approved_on": "2025-12-15",
  "approved_by": "P01",
  "period_start": "2026-01-01",
  "period_end": "2026-12-31"
 },
 "internal_audits": [
  {
   "id": "IA-2026-01",
   "planned_on": "2026-03-10",
   "conducted_on": "2026-03-10",
   "processes": [
    "PR-SAL",
    "PR-PUR"
   ],
   "clauses": [
    "8.2",
    "8.4"
   ],
   "scope": "Sales, order review, purchasing and supplier control",
   "criteria": "ISO 9001:2015 clauses 8.2 and 8.4; procedure DOC-010",
   "auditor": "P03",
   "report_on": "2026-03-13",
   "distributed_to": [
    "P01",
    "P05",
    "P08"
   ],
   "findings": [
    "NC-2026-03"
   ]
  },
  {
   "id": "IA-2026-02",
   "planned_on": "2026-05-19",
   "conducted_on": "2026-05-19",
   "processes": [
    "PR-PRD",
    "PR-INS"
   ],
   "clauses": [
    "7.1.5",
    "8.5",
    "8.6",
    "8.7"
   ],
   "scope": "CNC production, inspection, release and nonconforming parts",
   "criteria": "ISO 9001:2015 clauses 7.1.5 and 8.5 to 8.7; inspection plan DOC-020",
   "auditor": "P03",
   "report_on": "2026-05-22",
   "distributed_to": [
    "P01",
    "P04",
    "P07"
   ],
   "findings": [
    "NC-2026-05"
   ]
  },
  {
   "id": "IA-2026-03",
   "planned_on": "2026-06-23",
   "conducted_on": "2026-06-23",
   "processes": [
    "PR-MGT",
    "PR-HR",
    "PR-QMS"
   ],
   "clauses": [
    "4",
    "5",
    "6",
    "7.2",
    "8.2.1",
    "9",
    "10"
   ],
   "scope": "Management, human resources and quality management processes, including complaints handling",
   "criteria": "ISO 9001:2015 clauses 4 to 7.2, 9 and 10; ISO 10002:2018; procedures DOC-030 and DOC-050",
   "auditor": "P03",
   "report_on": "2026-06-26",
   "distributed_to": [
    "P01",
    "P02",
    "P03"
   ],
   "findings": []
  }
 ],
 "management_reviews": [
  {
   "id": "MR-2025",
   "held_on": "2025-10-14",
   "attendees": [
    "P01",
    "P02",
    "P03",
    "P04"
   ],
   "inputs": [
    "previous_actions",
    "context_changes",
    "customer_satisfaction",
    "objectives",
    "process_performance",
    "nonconformities",
    "monitoring_results",
    "audit_results",
    "supplier_performance",
    "resources",
    "risk_actions",
    "improvement_opportunities"
   ],
   "outputs": [
    "improvement",
    "qms_changes",
    "resource_needs"
   ],
   "actions": [
    {
     "id": "MRA-25-1",
     "description": "Train the quality manager as internal auditor",
     "owner": "P02",
     "due_on": "2025-12-31",
     "status": "done"
    },
    {
     "id": "MRA-25-2",
     "description": "Set up complaints handling to ISO 10002",
     "owner": "P03",
     "due_on": "2026-03-31",
     "status": "done"
    }
   ]
  },
  {
   "id": "MR-2026",
   "held_on": "2026-09-29",
   "attendees": [
    "P01",
    "P02",
    "P03",
    "P04",
    "P08"
   ],
   "inputs": [
    "previous_actions",
    "context_changes",
    "customer_satisfaction",
    "complaints",
    "objectives",
    "process_performance",
    "nonconformities",
    "monitoring_results",
    "audit_results",
    "resources",
    "improvement_opportunities"
   ],
   "outputs": [
    "improvement",
    "qms_changes",
    "resource_needs"
   ],
   "actions": [
    {
     "id": "MRA-26-1",
     "description": "Finish setup sheets for all 30 part families",
     "owner": "P04",
     "due_on": "2026-12-15",
     "status": "open"
    },
    {
     "id": "MRA-26-2",
     "description": "Budget for the 5-axis machining centre",
     "owner": "P01",
     "due_on": "2026-10-31",
     "status": "done"
    },
    {
     "id": "MRA-26-3",
     "description": "Survey complainants on the handling of their complaints twice a year",
     "owner": "P03",
     "due_on": "2027-01-31",
     "status": "open"
    }
   ]
  }
 ],
 "complaints_handling": {
  "policy": "POL-C",
  "representative": "P03",
  "published_on": "2025-03-10",
  "channels": [
   "e-mail",
   "phone",
   "web form",
   "letter"
  ],
  "target_acknowledgement_days": "2",
  "target_resolution_days": "30",
  "objectives": [
   "OBJ-03"
  ],
  "analyses": [
   {
    "period": "2025-H2",
    "performed_on": "2026-01-14",
    "summary": "4 complaints, 3 on surface damage in transit; packaging reviewed"
   },
   {
    "period": "2026-H1",
    "performed_on": "2026-07-08",
    "summary": "6 complaints: 2 dimensional, 2 transit damage, 1 behaviour, 1 documentation; transit damage recurring, NC-2026-07 raised"
   }
  ],
  "process_surveys": [
   {
    "conducted_on": "2026-07-01",
    "responses": "5",
    "score": "4.4",
    "scale_max": "5"
   }
  ]
 }
}
"""#
}
