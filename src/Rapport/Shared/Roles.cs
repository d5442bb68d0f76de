namespace Rapport.Shared;

/// <summary>The roles a user can hold; each area of Rapport names the roles it serves.</summary>
public static class Roles
{
    public const string Administrator = nameof(Administrator);
    public const string HeadOfSales = nameof(HeadOfSales);
    public const string AccountManager = nameof(AccountManager);
    public const string Coordinator = nameof(Coordinator);
    public const string Finance = nameof(Finance);
    public const string Recruiter = nameof(Recruiter);

    public static readonly IReadOnlyList<string> All =
        [Administrator, HeadOfSales, AccountManager, Coordinator, Finance, Recruiter];

    /// <summary>Roles that work with the client base: accounts, contacts, interactions.</summary>
    public const string ClientBaseUsers = $"{Administrator},{HeadOfSales},{AccountManager},{Coordinator}";

    /// <summary>Roles that read the whole staff list (people administration, payroll, hiring).</summary>
    public const string PeopleReaders = $"{Administrator},{HeadOfSales},{Finance},{Recruiter}";

    public static string DisplayName(string role) => role switch
    {
        Administrator => Texts.RoleAdministrator,
        HeadOfSales => Texts.RoleHeadOfSales,
        AccountManager => Texts.RoleAccountManager,
        Coordinator => Texts.RoleCoordinator,
        Finance => Texts.RoleFinance,
        Recruiter => Texts.RoleRecruiter,
        _ => role,
    };
}
