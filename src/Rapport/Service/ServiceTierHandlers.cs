using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Rapport.ClientBase;
using Rapport.Data;
using Rapport.Shared;

namespace Rapport.Service;

/// <summary>A change of an account's service tier; <see cref="Version"/> is the account's, as last read.</summary>
public sealed class AccountTierInput
{
    [Display(Name = nameof(ServiceTexts.FieldTier), ResourceType = typeof(ServiceTexts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    public ServiceTier? Tier { get; set; }

    public long Version { get; set; }
}

/// <summary>
/// The service tier promised to a client. It is a commercial commitment, so only an administrator or the head of sales
/// of the account's team changes it; the account's open cases are re-timed by the new tier's targets at once.
/// </summary>
public sealed class ServiceTierHandlers(RapportDb db, SlaSettingsHandlers sla)
{
    public static bool MaySet(Viewer viewer) => viewer.IsAny(Roles.Administrator, Roles.HeadOfSales);

    public async Task<Result> SetAsync(Viewer viewer, Guid accountId, AccountTierInput input, CancellationToken ct = default)
    {
        var account = await db.Accounts.VisibleTo(db, viewer).FirstOrDefaultAsync(a => a.Id == accountId, ct);
        if (account is null)
        {
            return Error.NotFound(Texts.ErrorAccountNotFound);
        }

        if (!MaySet(viewer) || !await ClientBaseAccess.CanEditAsync(db, viewer, accountId, ct))
        {
            return new Error(ErrorKind.Forbidden, ServiceTexts.ErrorTierForbidden);
        }

        if (input.Tier is not { } tier || !Enum.IsDefined(tier))
        {
            return Error.Invalid(nameof(AccountTierInput.Tier), Texts.ValidationRequired);
        }

        if (account.Version != input.Version)
        {
            return Error.StaleVersion();
        }

        if (account.Tier == tier)
        {
            return Result.Ok();
        }

        account.Tier = tier;
        var saved = await db.SaveOrConflictAsync(ct);
        if (saved.IsSuccess)
        {
            await sla.RetimeOpenCasesAsync(db.Cases.Where(c => c.AccountId == accountId), ct);
        }

        return saved;
    }
}
