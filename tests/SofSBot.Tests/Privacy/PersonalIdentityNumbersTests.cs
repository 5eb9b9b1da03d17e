using SofSBot.Privacy;

namespace SofSBot.Tests.Privacy;

/// <summary>
/// Free text that contains a Swedish personal identity number or coordination number is refused;
/// ordinary text with digits (phone numbers, dates, week numbers, case numbers) is not.
/// </summary>
/// <remarks>
/// A template's '?' is its check digit: <see cref="Luhn.Complete"/> fills in the right one,
/// <see cref="Luhn.CompleteWrongly"/> a wrong one. 811218-9876 and 701063-2391 are written out to
/// anchor the helper (Skatteverket-style examples, checked by hand).
/// </remarks>
public sealed class PersonalIdentityNumbersTests
{
    [Theory]
    [InlineData("811218-9876")]
    [InlineData("8112189876")]
    [InlineData("811218+9876")] // '+': the person has turned 100
    [InlineData("811218 9876")]
    [InlineData("19811218-9876")]
    [InlineData("198112189876")]
    [InlineData("19811218 9876")]
    public void Personal_identity_number_is_found_with_10_or_12_digits_with_or_without_separator(string number)
    {
        Assert.True(PersonalIdentityNumbers.ContainsAny(number));
    }

    [Theory]
    [InlineData("811218 - 9876")]
    [InlineData("811218 -9876")]
    [InlineData("19811218 - 9876")]
    [InlineData("811218–9876")] // en dash, as Word and Outlook write a hyphen
    [InlineData("811218\u2011" + "9876")] // non-breaking hyphen
    [InlineData("811218\u00A0" + "9876")] // non-breaking space
    public void Personal_identity_number_is_found_with_spaces_around_the_separator_or_a_typographic_dash(string number)
    {
        Assert.True(PersonalIdentityNumbers.ContainsAny(number));
    }

    [Theory]
    [InlineData("811218\n9876")] // a line break between the parts
    [InlineData("811218\r\n9876")]
    [InlineData("811218 \n 9876")]
    [InlineData("811218\u2014" + "9876")] // em dash
    [InlineData("811218\u2012" + "9876")] // figure dash
    [InlineData("811218\u2212" + "9876")] // minus sign
    [InlineData("811218\u2015" + "9876")] // horizontal bar
    [InlineData("811218\uFE63" + "9876")] // small hyphen-minus
    [InlineData("811218\uFF0D" + "9876")] // full-width hyphen-minus
    [InlineData("811218--9876")]
    [InlineData("811218 -- 9876")]
    [InlineData("811218-\u2013" + "9876")]
    [InlineData("811218\u200B" + "9876")] // zero-width space
    [InlineData("811218\u200C" + "9876")] // zero-width non-joiner
    [InlineData("811218\u200D" + "9876")] // zero-width joiner
    [InlineData("811218\u2060" + "9876")] // word joiner
    [InlineData("811218\uFEFF" + "9876")] // byte order mark
    [InlineData("811218\u00AD" + "9876")] // soft hyphen
    [InlineData("811218-\u200B" + "9876")]
    [InlineData("81\u200B" + "1218-98\u00AD" + "76")] // hidden inside the parts too
    [InlineData("811218\u2003" + "9876")] // em space
    [InlineData("811218\t-\t9876")]
    [InlineData("811218/9876")]
    [InlineData("811218.9876")]
    [InlineData("811218 / 9876")]
    [InlineData("19811218\u2014" + "9876")]
    [InlineData("19811218\n9876")]
    [InlineData("19811218/9876")]
    [InlineData("19811218.9876")]
    [InlineData("19811218\u200B" + "9876")]
    [InlineData("701063\u2014" + "2391")] // coordination numbers
    [InlineData("701063/2391")]
    [InlineData("701063\u00AD" + "2391")]
    [InlineData("19701063.2391")]
    [InlineData("Barnet, 701063\n2391, bor hos mormor")]
    public void Personal_identity_number_is_found_behind_any_dash_line_break_invisible_character_slash_or_dot(string number)
    {
        Assert.True(PersonalIdentityNumbers.ContainsAny(number));
    }

    [Theory]
    [InlineData("kl. 08.30")]
    [InlineData("Mötet är 2026-12-07 kl. 08.30\u2013" + "09.30 i rum 3.12.")]
    [InlineData("2026-12-07")]
    [InlineData("07.12.2026 och 2026/12/07")]
    [InlineData("Den 7/12 kl. 9.00, sedan 14/12.")]
    [InlineData("Ring 070-123 45 67 eller 08/123 45 67")]
    [InlineData("Tel. 010\u2013" + "123 45 67")]
    [InlineData("Vecka 49/50, v. 51\n52")]
    [InlineData("Dnr SN 2026/0123 och ärende 2024-1182")]
    [InlineData("Summa 1.250 kr, 12 st à 104,17")]
    [InlineData("Kl 13.15\u2014" + "14.45\nKl 15.00 fika")]
    [InlineData("Vi var 8 av 10 \u2013 9/10 nästa gång!")]
    [InlineData("Rapport 2026-12-07\n1234 ord")]
    [InlineData("Vi\u200Bses\u00ADsnart")]
    [InlineData("kl. 8:30")]
    [InlineData("Mötet 2026-12-07 kl. 8:30\u2013" + "10:00, 1,5 timmar")]
    [InlineData("1,5 timmar")]
    [InlineData("Punkt 3, 4, 5 och 12")]
    [InlineData("Frågorna 1, 2, 3, 4, 5, 6, 7, 8, 9, 10")]
    [InlineData("Rum 3:12, 3:14 och 4:01")]
    [InlineData("fil_2026_12_07_0830.docx")]
    [InlineData("Dnr 2026/0123")]
    [InlineData("kl. 08:30:15")]
    [InlineData("Caf\u00E9 och cafe\u0301 kl. 8:30")]
    public void Dates_times_and_phone_numbers_are_not_refused_whatever_their_separators(string text)
    {
        Assert.False(PersonalIdentityNumbers.ContainsAny(text));
    }

    [Theory]
    [InlineData("811218-9875")]
    [InlineData("8112189870")]
    [InlineData("19811218-9871")]
    [InlineData("198112189877")]
    [InlineData("701063-2392")]
    public void Number_with_a_wrong_check_digit_is_not_a_personal_identity_number(string number)
    {
        Assert.False(PersonalIdentityNumbers.ContainsAny(number));
    }

    [Theory]
    [InlineData("701063-2391")] // born 3 October 1970: day 03 + 60
    [InlineData("7010632391")]
    [InlineData("19701063-2391")]
    [InlineData("197010632391")]
    [InlineData("850191-234?")] // day 31 + 60
    public void Coordination_number_is_found(string template)
    {
        Assert.True(PersonalIdentityNumbers.ContainsAny(Luhn.Complete(template)));
    }

    [Theory]
    [InlineData("700192-234?")] // day 92 = 32 + 60
    [InlineData("700160-234?")] // day 60 = 0 + 60
    [InlineData("700230-234?")] // 30 February
    [InlineData("700290-234?")] // coordination number for 30 February
    public void Coordination_number_for_a_day_that_does_not_exist_is_not_found(string template)
    {
        Assert.False(PersonalIdentityNumbers.ContainsAny(Luhn.Complete(template)));
    }

    [Theory]
    [InlineData("811318-987?")] // month 13
    [InlineData("810018-987?")] // month 00
    [InlineData("811232-987?")] // day 32
    [InlineData("811200-987?")] // day 00
    [InlineData("810230-987?")] // 30 February
    [InlineData("810431-987?")] // 31 April
    [InlineData("19811318-987?")]
    [InlineData("19810230-987?")]
    public void Number_whose_date_does_not_exist_is_not_found_even_with_a_right_check_digit(string template)
    {
        Assert.False(PersonalIdentityNumbers.ContainsAny(Luhn.Complete(template)));
    }

    [Theory]
    [InlineData("20000229-123?")] // 2000 is a leap year (divisible by 400)
    [InlineData("20240229-123?")]
    [InlineData("19960229-123?")]
    [InlineData("18960229-123?")]
    public void Twelve_digit_number_born_on_29_February_of_a_leap_year_is_found(string template)
    {
        Assert.True(PersonalIdentityNumbers.ContainsAny(Luhn.Complete(template)));
    }

    [Theory]
    [InlineData("19000229-123?")] // 1900 is not a leap year (divisible by 100)
    [InlineData("20230229-123?")]
    [InlineData("19970229-123?")]
    public void Twelve_digit_number_born_on_29_February_of_a_common_year_is_not_found(string template)
    {
        Assert.False(PersonalIdentityNumbers.ContainsAny(Luhn.Complete(template)));
    }

    [Theory]
    [InlineData("000229-123?")] // 1900 or 2000: one of them is a leap year
    [InlineData("960229-123?")]
    public void Ten_digit_number_born_on_29_February_is_found_when_some_century_makes_it_a_leap_year(string template)
    {
        Assert.True(PersonalIdentityNumbers.ContainsAny(Luhn.Complete(template)));
    }

    [Fact]
    public void Ten_digit_number_born_on_29_February_of_a_year_never_leap_is_not_found()
    {
        Assert.False(PersonalIdentityNumbers.ContainsAny(Luhn.Complete("970229-123?")));
    }

    [Theory]
    [InlineData("18811218-987?", true)]
    [InlineData("19811218-987?", true)]
    [InlineData("20211218-987?", true)]
    [InlineData("17811218-987?", false)]
    [InlineData("21811218-987?", false)]
    [InlineData("00811218-987?", false)]
    public void Twelve_digit_number_is_found_only_for_the_centuries_1800_to_2000(string template, bool found)
    {
        Assert.Equal(found, PersonalIdentityNumbers.ContainsAny(Luhn.Complete(template)));
    }

    [Theory]
    [InlineData("Klienten (811218-9876) kom inte till mötet.")]
    [InlineData("Pappan, pnr 19811218-9876, har ringt.")]
    [InlineData("811218-9876 har flyttat")]
    [InlineData("Barnet har samordningsnummer 701063-2391.")]
    [InlineData("Se ärende 2024-118, personnr:8112189876!")]
    [InlineData("Två nummer: 811218-9875 och 811218-9876")] // the second is valid
    [InlineData("Första raden\n811218-9876\nsista raden")]
    [InlineData("Mötet 250331 gällde 811218-9876")] // a date just before does not hide the number
    public void Personal_identity_number_is_found_inside_swedish_text(string text)
    {
        Assert.True(PersonalIdentityNumbers.ContainsAny(text));
    }

    [Theory]
    [InlineData("Ring mig på 070-123 45 67 efter lunch.")]
    [InlineData("Växeln: 08-123 456 78")]
    [InlineData("+46 70 123 45 67")]
    [InlineData("Mötet är 2025-03-31 kl. 08:30 i vecka 14.")]
    [InlineData("Ärende 2024-1182 och 2025-0077")]
    [InlineData("Vi var 12 i teamet och fick 9 av 10 i skattningen.")]
    [InlineData("Diarienummer 81121898761")] // 11 digits: not a personal identity number
    [InlineData("Referens 1981121898765")] // 13 digits
    [InlineData("Konto 811218-98761")]
    [InlineData("Bra jobbat med familjesamtalet i veckan!")]
    [InlineData("")]
    [InlineData(null)]
    public void Text_without_a_personal_identity_number_is_not_refused(string? text)
    {
        Assert.False(PersonalIdentityNumbers.ContainsAny(text));
    }

    [Theory]
    [InlineData("٨١١٢١٨-٩٨٧٦")] // Arabic-Indic digits
    [InlineData("８１１２１８-９８７６")] // full-width digits
    [InlineData("８１１２１８－９８７６")] // full-width digits and hyphen-minus
    [InlineData("۸۱۱۲۱۸۹۸۷۶ och ۱۹۸۱۱۲۱۸۹۸۷۶")] // Persian digits
    [InlineData("१९८११२१८-९८७६")] // Devanagari digits
    [InlineData("811218-９８７６")] // mixed
    [InlineData("𝟴𝟭𝟭𝟮𝟭𝟴-𝟵𝟴𝟳𝟲")] // mathematical sans-serif digits
    [InlineData("⁸¹¹²¹⁸-⁹⁸⁷⁶")] // superscript digits
    [InlineData("７０１０６３-２３９１")] // a coordination number
    public void Personal_identity_number_is_found_in_any_script_of_decimal_digits(string text)
    {
        // A person reads these as the number; the guard reads them the same way (they once passed).
        Assert.True(PersonalIdentityNumbers.ContainsAny(text));
    }

    [Theory]
    [InlineData("٨١١٢١٨-٩٨٧٥")] // Arabic-Indic digits, wrong check digit
    [InlineData("８１１２１８-９８７０")]
    [InlineData("２０２６-１２-０７ ｋｌ. ０８.３０")]
    [InlineData("Ring ٠٧٠-١٢٣ ٤٥ ٦٧")]
    public void Text_with_other_scripts_digits_and_no_valid_number_is_not_refused(string text)
    {
        Assert.False(PersonalIdentityNumbers.ContainsAny(text));
    }

    [Theory]
    [InlineData("811218,9876")]
    [InlineData("811218_9876")]
    [InlineData("811218:9876")]
    [InlineData("811218 , 9876")]
    [InlineData("811218 _ 9876")]
    [InlineData("811218:-9876")]
    [InlineData("19811218_9876")]
    [InlineData("19811218:9876")]
    [InlineData("701063,2391")]
    [InlineData("Barnet 701063_2391 bor hos mormor")]
    public void Personal_identity_number_is_found_with_a_comma_underscore_or_colon_between_the_parts(string number)
    {
        Assert.True(PersonalIdentityNumbers.ContainsAny(number));
    }

    [Theory]
    [InlineData("8\u030111218-9876")] // combining acute accent
    [InlineData("811218\u0300-9876")] // combining grave accent before the separator
    [InlineData("811218-9\u03368\u033676")] // combining long stroke overlay
    [InlineData("8\u20E11\u20E11218\u20E19876")] // combining left right arrow above, between every part
    [InlineData("19811218\u0331-9876")] // combining macron below
    [InlineData("7010\u030863/2391")] // combining diaeresis in a coordination number
    public void Personal_identity_number_is_found_with_combining_marks_between_the_digits(string number)
    {
        Assert.True(PersonalIdentityNumbers.ContainsAny(number));
    }

    [Theory]
    [InlineData("811218-987?", "811218-9876")]
    [InlineData("701063-239?", "701063-2391")]
    [InlineData("19811218-987?", "19811218-9876")]
    public void Test_helper_fills_in_the_check_digit_of_known_numbers(string template, string expected)
    {
        Assert.Equal(expected, Luhn.Complete(template));
        Assert.NotEqual(expected, Luhn.CompleteWrongly(template));
    }
}
