namespace Rapport.ClientBase;

/// <summary>
/// The Bulgarian unified identification code (EIK/BULSTAT): 9 digits for a legal entity, 13 for a branch, each
/// ending in a check digit computed with weights modulo 11 (a remainder of 10 retries with the second weights,
/// and a second 10 counts as 0).
/// </summary>
public static class Eik
{
    private static readonly int[] First9 = [1, 2, 3, 4, 5, 6, 7, 8];
    private static readonly int[] Second9 = [3, 4, 5, 6, 7, 8, 9, 10];
    private static readonly int[] First13 = [2, 7, 3, 5];
    private static readonly int[] Second13 = [4, 9, 5, 7];

    /// <summary>The digits of a registration number as typed ("BG 123 456 789" → "123456789"), or null if none.</summary>
    public static string? Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var digits = new string([.. value.Where(char.IsAsciiDigit)]);
        return digits.Length == 0 ? null : digits;
    }

    /// <summary>
    /// Whether what was typed can be a registration number at all: digits with spaces, dots, dashes or slashes between
    /// them, and perhaps the VAT prefix "BG". Letters anywhere else are a typing mistake, never silently dropped.
    /// </summary>
    public static bool IsWellFormed(string typed)
    {
        var text = typed.Trim();
        if (text.StartsWith("BG", StringComparison.OrdinalIgnoreCase) || text.StartsWith("БГ", StringComparison.OrdinalIgnoreCase))
        {
            text = text[2..];
        }

        return text.Any(char.IsAsciiDigit) && text.All(c => char.IsAsciiDigit(c) || c is ' ' or '.' or '-' or '/');
    }

    public static bool IsValid(string digits)
    {
        if (digits.Length is not (9 or 13) || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        if (CheckDigit(digits, 0, First9, Second9) != digits[8] - '0')
        {
            return false;
        }

        return digits.Length == 9 || CheckDigit(digits, 8, First13, Second13) == digits[12] - '0';
    }

    private static int CheckDigit(string digits, int offset, int[] first, int[] second)
    {
        var remainder = WeightedSum(digits, offset, first) % 11;
        if (remainder == 10)
        {
            remainder = WeightedSum(digits, offset, second) % 11;
        }

        return remainder == 10 ? 0 : remainder;
    }

    private static int WeightedSum(string digits, int offset, int[] weights)
    {
        var sum = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += (digits[offset + i] - '0') * weights[i];
        }

        return sum;
    }
}
