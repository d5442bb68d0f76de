using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.People;
using Rapport.Shared;

namespace Rapport.Identity;

public sealed class NewUserInput
{
    [Display(Name = nameof(Texts.FieldEmail), ResourceType = typeof(Texts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    [EmailAddress(ErrorMessageResourceName = nameof(Texts.ValidationEmail), ErrorMessageResourceType = typeof(Texts))]
    [StringLength(256, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? Email { get; set; }

    [Display(Name = nameof(Texts.FieldDisplayName), ResourceType = typeof(Texts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    [StringLength(200, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? DisplayName { get; set; }

    [Display(Name = nameof(Texts.FieldPassword), ResourceType = typeof(Texts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    [StringLength(128, MinimumLength = 10, ErrorMessageResourceName = nameof(Texts.ValidationPasswordLength), ErrorMessageResourceType = typeof(Texts))]
    public string? Password { get; set; }

    [Display(Name = nameof(Texts.FieldRoles), ResourceType = typeof(Texts))]
    public List<string> Roles { get; set; } = [];

    [Display(Name = nameof(Texts.FieldEmployee), ResourceType = typeof(Texts))]
    public Guid? EmployeeId { get; set => field = Choice.OrNull(value); }

    [Display(Name = nameof(Texts.FieldLanguage), ResourceType = typeof(Texts))]
    public string Language { get; set; } = Languages.English;
}

public sealed class UserAccessInput
{
    [Display(Name = nameof(Texts.FieldDisplayName), ResourceType = typeof(Texts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    [StringLength(200, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? DisplayName { get; set; }

    [Display(Name = nameof(Texts.FieldRoles), ResourceType = typeof(Texts))]
    public List<string> Roles { get; set; } = [];

    [Display(Name = nameof(Texts.FieldEmployee), ResourceType = typeof(Texts))]
    public Guid? EmployeeId { get; set => field = Choice.OrNull(value); }

    /// <summary>Whether the user is barred from signing in (false by default, so an unticked box means enabled).</summary>
    public bool Disabled { get; set; }

    /// <summary>The concurrency stamp the editor saw.</summary>
    public string? Stamp { get; set; }
}

public sealed record UserRow(
    Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, Guid? EmployeeId, string? EmployeeName,
    bool Enabled, bool LockedOut, string Language, string Stamp);

/// <summary>User administration over ASP.NET Core Identity: hashing, lockout and password rules stay Identity's.</summary>
public sealed class UserHandlers(RapportDb db, UserManager<User> users, TimeProvider clock)
{
    public async Task<List<UserRow>> ListAsync(string? search = null, CancellationToken ct = default)
    {
        // Users are counted in hundreds, not in hundreds of thousands: folding in memory matches
        // Cyrillic and Latin alike on every provider.
        var term = SearchText.Fold(search);
        var list = (await db.Users.AsNoTracking().OrderBy(u => u.NormalizedEmail)
                .Select(u => new { User = u, EmployeeName = u.Employee != null ? u.Employee.FullName : null })
                .ToListAsync(ct))
            .Where(u => term.Length == 0 || SearchText.Fold(u.User.Email).Contains(term, StringComparison.Ordinal)
                || SearchText.Fold(u.User.DisplayName).Contains(term, StringComparison.Ordinal))
            .ToList();
        var ids = list.Select(u => u.User.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return [.. list.Select(u => ToRow(u.User, u.EmployeeName,
            [.. roles.Where(r => r.UserId == u.User.Id).Select(r => r.Name!).Order(StringComparer.Ordinal)], now))];
    }

    public async Task<UserRow?> GetAsync(Guid id, CancellationToken ct = default)
    {
        var user = await db.Users.AsNoTracking().Include(u => u.Employee).FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
        {
            return null;
        }

        var roles = await users.GetRolesAsync(user);
        return ToRow(user, user.Employee?.FullName, [.. roles.Order(StringComparer.Ordinal)], clock.GetUtcNow());
    }

    public Task<bool> AnyAsync(CancellationToken ct = default) => db.Users.AnyAsync(ct);

    public async Task<Result<Guid>> CreateAsync(NewUserInput input, CancellationToken ct = default)
    {
        if (CheckRoles(input.Roles) is { } badRole)
        {
            return badRole;
        }

        if (input.EmployeeId is { } employeeId && await CheckEmployeeAsync(employeeId, null, ct) is { } badEmployee)
        {
            return badEmployee;
        }

        var user = new User
        {
            UserName = input.Email!.Trim(),
            Email = input.Email.Trim(),
            EmailConfirmed = true,
            DisplayName = input.DisplayName!.Trim(),
            EmployeeId = input.EmployeeId,
            Language = Languages.Normalize(input.Language),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(user, input.Password!);
        if (!created.Succeeded)
        {
            return Result<Guid>.Fail([.. created.Errors.Select(ToError)]);
        }

        if (input.Roles.Count > 0)
        {
            var added = await users.AddToRolesAsync(user, input.Roles.Distinct(StringComparer.Ordinal));
            if (!added.Succeeded)
            {
                return Result<Guid>.Fail([.. added.Errors.Select(ToError)]);
            }
        }

        await transaction.CommitAsync(ct);
        return user.Id;
    }

    public async Task<Result> UpdateAsync(Guid id, UserAccessInput input, Guid actingUserId, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return Error.NotFound(Texts.ErrorUserNotFound);
        }

        if (input.Stamp is not null && input.Stamp != user.ConcurrencyStamp)
        {
            return Error.StaleVersion();
        }

        if (CheckRoles(input.Roles) is { } badRole)
        {
            return badRole;
        }

        if (input.EmployeeId is { } employeeId && await CheckEmployeeAsync(employeeId, id, ct) is { } badEmployee)
        {
            return badEmployee;
        }

        var current = await users.GetRolesAsync(user);
        if (id == actingUserId && (input.Disabled || !input.Roles.Contains(Roles.Administrator)))
        {
            // An administrator cannot lock themselves out of administration by accident.
            return Error.Invalid(nameof(UserAccessInput.Roles), Texts.ValidationCannotDemoteSelf);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        user.DisplayName = input.DisplayName!.Trim();
        user.EmployeeId = input.EmployeeId;
        user.LockoutEnabled = true;
        user.LockoutEnd = input.Disabled ? DateTimeOffset.MaxValue : null;
        user.AccessFailedCount = 0;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            return updated.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure))
                ? Error.StaleVersion()
                : Result.Fail([.. updated.Errors.Select(ToError)]);
        }

        var remove = current.Except(input.Roles, StringComparer.Ordinal).ToList();
        var add = input.Roles.Except(current, StringComparer.Ordinal).Distinct(StringComparer.Ordinal).ToList();
        if (remove.Count > 0)
        {
            await users.RemoveFromRolesAsync(user, remove);
        }

        if (add.Count > 0)
        {
            await users.AddToRolesAsync(user, add);
        }

        if (remove.Count > 0 || add.Count > 0 || input.Disabled)
        {
            // Signs the user out everywhere at the next validation, so lost roles stop working.
            await users.UpdateSecurityStampAsync(user);
        }

        await transaction.CommitAsync(ct);
        return Result.Ok();
    }

    public async Task<Result> SetLanguageAsync(Guid userId, string language, CancellationToken ct = default)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return Error.NotFound(Texts.ErrorUserNotFound);
        }

        user.Language = Languages.Normalize(language);
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }

    private static Error? CheckRoles(IEnumerable<string> roles) =>
        roles.FirstOrDefault(r => !Shared.Roles.All.Contains(r)) is { } unknown
            ? Error.Invalid(nameof(NewUserInput.Roles), string.Format(System.Globalization.CultureInfo.CurrentCulture, Texts.ValidationUnknownRole, unknown))
            : null;

    private async Task<Error?> CheckEmployeeAsync(Guid employeeId, Guid? userId, CancellationToken ct)
    {
        if (!await db.Employees.AnyAsync(e => e.Id == employeeId, ct))
        {
            return Error.Invalid(nameof(NewUserInput.EmployeeId), Texts.ValidationUnknownEmployee);
        }

        return await db.Users.AnyAsync(u => u.EmployeeId == employeeId && u.Id != userId, ct)
            ? Error.Invalid(nameof(NewUserInput.EmployeeId), Texts.ValidationEmployeeHasUser)
            : null;
    }

    private static Error ToError(IdentityError error) => error.Code switch
    {
        nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.DuplicateEmail)
            => Error.Invalid(nameof(NewUserInput.Email), Texts.ValidationEmailTaken),
        _ when error.Code.StartsWith("Password", StringComparison.Ordinal)
            => Error.Invalid(nameof(NewUserInput.Password), error.Description),
        _ => new Error(ErrorKind.Validation, error.Description),
    };

    private static UserRow ToRow(User user, string? employeeName, IReadOnlyList<string> roles, DateTimeOffset now) => new(
        user.Id, user.Email ?? "", user.DisplayName, roles, user.EmployeeId, employeeName,
        Enabled: user.LockoutEnd != DateTimeOffset.MaxValue,
        LockedOut: user.LockoutEnd is { } end && end > now,
        user.Language, user.ConcurrencyStamp ?? "");
}
