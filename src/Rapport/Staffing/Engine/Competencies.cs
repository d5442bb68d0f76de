namespace Rapport.Staffing.Engine;

/// <summary>The default catalogue's codes (stable: profiles, evidence and the API name competencies by them).</summary>
public static class Competencies
{
    /// <summary>Highest education on the ISCED scale (0 = up to lower secondary … 4 = doctorate), any field.</summary>
    public const string EducationLevel = "education-level";

    /// <summary>A degree in economics, law or management (what large firms ask for).</summary>
    public const string BusinessEducation = "education-business";

    /// <summary>A degree in engineering (what specialised industrial sellers prefer).</summary>
    public const string EngineeringEducation = "education-engineering";

    /// <summary>Courses in management, marketing, PR or rhetoric.</summary>
    public const string Courses = "courses";

    /// <summary>Advanced courses in effective business management.</summary>
    public const string AdvancedManagement = "advanced-management";

    public const string Communication = "communication";

    public const string Persuasion = "persuasion-negotiation";

    public const string MotivationToEarn = "motivation-to-earn";

    public const string RelationshipBuilding = "relationship-building";

    /// <summary>Knowledge of the company's products and field.</summary>
    public const string DomainKnowledge = "domain-knowledge";

    /// <summary>Sales experience in any field.</summary>
    public const string SalesExperience = "sales-experience";

    /// <summary>Sales experience in the company's own field: its own criterion.</summary>
    public const string SameFieldExperience = "same-field-experience";

    /// <summary>A client base of real relationships, rated from its evidence (see <see cref="EvidenceRules.RateClientBase"/>).</summary>
    public const string ClientBase = EvidenceRules.ClientBase;
}
