using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Rapport.Shared;

namespace Rapport.Identity;

/// <summary>Identity's password and account messages in the user's language.</summary>
internal sealed class LocalizedIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        Describe(nameof(PasswordTooShort), Format(Texts.PasswordTooShort, length));

    public override IdentityError PasswordRequiresDigit() => Describe(nameof(PasswordRequiresDigit), Texts.PasswordRequiresDigit);

    public override IdentityError PasswordRequiresLower() => Describe(nameof(PasswordRequiresLower), Texts.PasswordRequiresLower);

    public override IdentityError PasswordRequiresUpper() => Describe(nameof(PasswordRequiresUpper), Texts.PasswordRequiresUpper);

    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        Describe(nameof(PasswordRequiresNonAlphanumeric), Texts.PasswordRequiresNonAlphanumeric);

    public override IdentityError DuplicateEmail(string email) => Describe(nameof(DuplicateEmail), Texts.ValidationEmailTaken);

    public override IdentityError DuplicateUserName(string userName) => Describe(nameof(DuplicateUserName), Texts.ValidationEmailTaken);

    public override IdentityError InvalidEmail(string? email) => Describe(nameof(InvalidEmail), Format(Texts.ValidationEmail, Texts.FieldEmail));

    public override IdentityError ConcurrencyFailure() => Describe(nameof(ConcurrencyFailure), Texts.ErrorStaleVersion);

    private static IdentityError Describe(string code, string description) => new() { Code = code, Description = description };

    private static string Format(string format, object argument) => string.Format(CultureInfo.CurrentCulture, format, argument);
}
