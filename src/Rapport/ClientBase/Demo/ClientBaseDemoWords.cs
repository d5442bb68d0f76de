using System.Text;

namespace Rapport.ClientBase.Demo;

/// <summary>
/// An industry of the demo's clients: its name as stored, how common it is, whether its clients are looked after by
/// a coordinator (IT, accounting and legal services), the words its companies are named with in Cyrillic and in Latin
/// letters, and the job titles of its influencers and users (Bulgarian or English, as Bulgarian firms write them).
/// </summary>
internal sealed record DemoIndustry(
    string Name, int Weight, bool Serviced, string[] Cyrillic, string[] Latin, string[] Influencers, string[] Users);

/// <summary>A region of Bulgaria and the area code of its landlines.</summary>
internal sealed record DemoRegion(string Name, string AreaCode, int Weight);

/// <summary>The words the demo's client base is made of. Lists only; the choices are <see cref="ClientBasePlanner"/>'s.</summary>
internal static class ClientBaseDemoWords
{
    public static readonly DemoIndustry It = new("Информационни технологии и софтуер", 14, true,
        ["Софт", "Системс", "Дигитал", "Клауд", "Инфотех", "Дейта"], ["Soft", "Systems", "Digital", "Cloud", "Tech", "Data"],
        ["Технически директор", "Ръководител ИТ", "CTO", "Head of Engineering"],
        ["Ръководител проекти", "Системен администратор", "Project Manager", "QA Lead"]);

    public static readonly DemoIndustry Accounting = new("Счетоводни услуги", 7, true,
        ["Консулт", "Баланс", "Финанс", "Одит"], ["Consult", "Balance", "Finance", "Audit"],
        ["Управляващ съдружник", "Главен счетоводител", "Managing Partner"],
        ["Счетоводител", "Експерт ТРЗ", "Оперативен счетоводител"]);

    /// <summary>Law firms are named after their partners (see <see cref="ClientBasePlanner"/>), not from words.</summary>
    public static readonly DemoIndustry Legal = new("Правни услуги", 5, true, [], [],
        ["Съдружник", "Старши адвокат", "Partner"], ["Адвокат", "Младши адвокат", "Associate"]);

    public static readonly DemoIndustry Construction = new("Строителство", 12, false,
        ["Строй", "Билд", "Инженеринг", "Конструкт", "Монтаж", "Инвест"], ["Build", "Construction", "Engineering", "Development"],
        ["Главен инженер", "Технически ръководител", "Ръководител проекти", "Head of Projects"],
        ["Строителен инженер", "Инженер-конструктор", "Отговорник обект", "Site Manager"]);

    public static readonly DemoIndustry Metals = new("Търговия с валцувани метали", 9, false,
        ["Метал", "Стийл", "Металснаб", "Профил", "Металтрейд"], ["Steel", "Metal", "Metals", "Profiles"],
        ["Ръководител снабдяване", "Търговски мениджър", "Procurement Manager"],
        ["Инженер-технолог", "Управител склад", "Специалист продажби"]);

    public static readonly DemoIndustry Textiles = new("Текстил и облекло", 6, false,
        ["Текс", "Текстил", "Фешън", "Трико"], ["Tex", "Textile", "Fashion", "Apparel"],
        ["Производствен директор", "Ръководител производство", "Head of Sourcing"],
        ["Технолог", "Дизайнер", "Специалист планиране"]);

    public static readonly DemoIndustry Food = new("Хранително-вкусова промишленост", 8, false,
        ["Фуудс", "Милк", "Агро", "Фрукт", "Хляб"], ["Foods", "Dairy", "Agro", "Bakery"],
        ["Директор качество", "Ръководител производство", "Quality Manager"],
        ["Технолог", "Специалист снабдяване", "Category Manager"]);

    public static readonly DemoIndustry Pharma = new("Фармация", 6, false,
        ["Фарм", "Фарма", "Мед", "Лаб"], ["Pharma", "Med", "Lab", "Healthcare"],
        ["Медицински директор", "Ръководител регулаторни въпроси", "Head of Regulatory Affairs"],
        ["Магистър-фармацевт", "Медицински представител", "Специалист качество"]);

    public static readonly DemoIndustry Logistics = new("Транспорт и логистика", 9, false,
        ["Транс", "Логистик", "Спед", "Карго", "Експрес"], ["Logistics", "Trans", "Cargo", "Freight", "Express"],
        ["Оперативен директор", "Ръководител логистика", "Fleet Manager"],
        ["Спедитор", "Диспечер", "Logistics Coordinator"]);

    public static readonly DemoIndustry Tourism = new("Туризъм", 7, false,
        ["Турс", "Травъл", "Хотели", "Ваканции"], ["Tours", "Travel", "Hotels", "Resorts"],
        ["Управител на хотел", "Директор продажби", "Revenue Manager"],
        ["Служител резервации", "Администратор рецепция", "Event Manager"]);

    public static readonly DemoIndustry Energy = new("Енергетика", 7, false,
        ["Енерджи", "Енерго", "Солар", "Пауър"], ["Energy", "Solar", "Power", "Renewables"],
        ["Технически директор", "Ръководител експлоатация", "Head of Operations"],
        ["Енергиен мениджър", "Инженер поддръжка", "Енергиен одитор"]);

    public static readonly DemoIndustry Wholesale = new("Търговия на едро", 8, false,
        ["Трейд", "Комерс", "Дистрибюшън", "Импекс"], ["Trade", "Commerce", "Distribution", "Impex"],
        ["Търговски мениджър", "Ръководител снабдяване", "Category Manager"],
        ["Търговски представител", "Специалист снабдяване", "Управител склад"]);

    public static readonly DemoIndustry Media = new("Медии и реклама", 3, false,
        ["Медиа", "Принт", "Адвъртайзинг", "Комюникейшънс"], ["Media", "Print", "Advertising", "Communications"],
        ["Главен редактор", "Маркетинг директор", "Head of PR"],
        ["Журналист", "Маркетинг специалист", "Account Executive"]);

    public static readonly DemoIndustry[] Industries =
        [It, Accounting, Legal, Construction, Metals, Textiles, Food, Pharma, Logistics, Tourism, Energy, Wholesale, Media];

    /// <summary>Each team's territory: Sofia and the north-west, the south, the Black Sea and the north-east.</summary>
    public static readonly DemoRegion[][] Territories =
    [
        [new("София-град", "2", 12), new("Софийска област", "725", 2), new("Плевен", "64", 2), new("Велико Търново", "62", 2),
         new("Благоевград", "73", 1), new("Габрово", "66", 1), new("Перник", "76", 1)],
        [new("Пловдив", "32", 8), new("Стара Загора", "42", 3), new("Хасково", "38", 2), new("Пазарджик", "34", 2), new("Кърджали", "361", 1)],
        [new("Варна", "52", 7), new("Бургас", "56", 5), new("Русе", "82", 3), new("Шумен", "54", 1), new("Добрич", "58", 1)],
    ];

    public static readonly DemoRegion Sofia = Territories[0][0];

    /// <summary>The first part of a company name: joined to an activity they make one word (Пирин + строй), or two.</summary>
    public static readonly string[] CyrillicRoots =
        ["Техно", "Агро", "Евро", "Булгар", "Родопа", "Дунав", "Витоша", "Пирин", "Мизия", "Странджа", "Орион", "Сириус",
         "Алфа", "Делта", "Омега", "Нова", "Прима", "Юнион", "Глобал", "Интер", "Мега", "Вита", "Еко", "Арда", "Хемус",
         "Марица", "Искър", "Янтра", "Рила", "Сердика", "Одесос", "Персей", "Зенит", "Вектор", "Кронос", "Стандарт"];

    /// <summary>The roots and activities Bulgarian firms join into one word: Технострой, Еврометал, Агрофарм, Интертранс.</summary>
    public static readonly HashSet<string> CompoundRoots =
        new(["Техно", "Агро", "Евро", "Булгар", "Дунав", "Пирин", "Нова", "Прима", "Интер", "Мега", "Вита", "Еко", "Хемус", "Рила"], StringComparer.Ordinal);

    public static readonly HashSet<string> CompoundActivities =
        new(["Строй", "Софт", "Транс", "Метал", "Текс", "Фарм", "Мед", "Лаб", "Агро", "Инвест", "Комерс", "Енерго", "Билд", "Спед",
             "Профил", "Трико", "Медиа", "Принт", "Импекс", "Трейд", "Консулт", "Фрукт", "Милк", "Монтаж"], StringComparer.Ordinal);

    public static readonly string[] LatinRoots =
        ["Techno", "Euro", "Nova", "Prima", "Union", "Global", "Inter", "Smart", "Neo", "Atlas", "Helios", "Orion", "Sirius",
         "Alpha", "Delta", "Omega", "Vita", "Eco", "Blue", "Bright", "Vertex", "Nexus", "Apex", "Zenith", "Rila", "Hemus",
         "Iskar", "Danube", "Vitosha", "Pirin", "Rhodope", "Balkanika"];

    public static readonly PeopleNames Bulgarians = new(
        ["Иван", "Георги", "Димитър", "Петър", "Николай", "Стефан", "Калоян", "Борис", "Йордан", "Христо", "Александър",
         "Тодор", "Васил", "Красимир", "Любомир", "Пламен", "Росен", "Светослав", "Мартин", "Даниел", "Емил", "Венцислав",
         "Атанас", "Кирил", "Симеон", "Виктор", "Цветан", "Ангел", "Здравко", "Огнян", "Радослав", "Теодор", "Явор", "Деян"],
        ["Мария", "Елена", "Надежда", "Виктория", "Радостина", "Десислава", "Гергана", "Милена", "Йоана", "Цветелина",
         "Иванка", "Петя", "Теодора", "Силвия", "Анелия", "Красимира", "Весела", "Диана", "Галина", "Лилия", "Мирослава",
         "Росица", "Снежана", "Боряна", "Калина", "Невена", "Яна", "Полина", "Станислава", "Ралица", "Антония", "Зорница"],
        ["Иванов", "Георгиев", "Димитров", "Петров", "Николов", "Стоянов", "Христов", "Тодоров", "Ангелов", "Илиев",
         "Атанасов", "Йорданов", "Колев", "Маринов", "Попов", "Костов", "Василев", "Павлов", "Михайлов", "Стефанов",
         "Александров", "Кирилов", "Радев", "Борисов", "Русев", "Станчев", "Добрев", "Марков", "Янков", "Генов",
         "Младенов", "Симеонов", "Лазаров", "Петков", "Китов", "Вълчев", "Желязков", "Пенев", "Цветков", "Славов",
         "Найденов", "Караиванов", "Спасов", "Бонев", "Панайотов", "Дончев", "Гочев", "Тасев"]);

    public static readonly string[] DecisionMakers = ["Управител", "Изпълнителен директор", "Търговски директор", "Managing Director", "CEO"];

    public static readonly string[] Signatories = ["Финансов директор", "Прокурист", "Главен счетоводител", "CFO", "Head of Procurement"];

    public static readonly string[] Gatekeepers = ["Офис мениджър", "Асистент на управителя", "Деловодител", "Office Manager", "Executive Assistant"];

    public static readonly string[] FreeMail = ["abv.bg", "gmail.com", "mail.bg"];

    public static readonly string[] MobilePrefixes = ["87", "88", "89", "98", "99"];

    public static readonly string[] Calls =
        ["Обаждане за подновяване на договора", "Разговор за нова оферта", "Уточняване на цени и срокове",
         "Обаждане след изпратената оферта", "Разговор за хода на проекта", "Обаждане по рекламация",
         "Разговор за бюджета за следващата година", "Уговаряне на среща"];

    public static readonly string[] Meetings =
        ["Среща в офиса на клиента", "Презентация на продукта", "Преговори по рамковия договор", "Работна среща с техническия екип",
         "Среща на изложение", "Обяд с управителя", "Посещение на обекта на клиента", "Среща за разширяване на сътрудничеството"];

    public static readonly string[] Emails =
        ["Изпратена оферта", "Отговор на запитване", "Потвърждение на поръчка", "Изпратен проект на договор", "Въпрос по фактура",
         "Покана за събитие за клиенти", "Изпратени референции", "Обобщение от срещата"];

    public static readonly string[] Notes =
        ["Бележка след разговора", "Клиентът проучва и конкурентна оферта", "Смяна в ръководството на клиента",
         "Бюджетът им за следващата година е одобрен", "Клиентът се бави с плащанията", "Бележка преди преговорите"];

    /// <summary>Subjects of calls and e-mails that the client started.</summary>
    public static readonly string[] FromClient =
        ["Клиентът се обади за допълнителна поръчка", "Запитване от клиента за нови продукти", "Клиентът поиска среща",
         "Оплакване от забавена доставка", "Клиентът пита за отстъпка при по-голямо количество", "Клиентът поиска актуална ценова листа"];

    /// <summary>What a coordinator talks to a client about: keeping the product running, not selling.</summary>
    public static readonly string[] Service =
        ["Проверка на удовлетвореността", "Разговор за поддръжката", "Обучение на потребителите", "Преглед на отворените заявки",
         "Въпрос по внедряването", "План за обновяване на версията"];

    public static readonly string[] Reviews =
        ["Тримесечен преглед на сътрудничеството", "Годишен преглед и планове за следващата година", "Среща с ръководството на клиента"];

    public const string Introduction = "Запознанство с новия мениджър на акаунта";

    public static readonly string[] Outcomes =
        ["Клиентът иска отстъпка от 5%", "Управителят одобри предложението", "Ще поръчат през следващото тримесечие",
         "Засега нямат интерес", "Договорът е при юристите им", "Договорихме пилотен проект", "Очакваме решение до края на месеца",
         "Поискаха референции от други клиенти", "Приеха цената, чакаме поръчка", "Доволни са от обслужването",
         "Имат забележки към сроковете за доставка", "Бюджетът им е замразен до есента", "Искат демонстрация за екипа си",
         "Подписаха анекс към договора", "Обмислят да сменят доставчика", "Търсят решение и за дъщерните дружества"];

    public static readonly string[] NextSteps =
        ["Изпращане на коригирана оферта", "Среща с финансовия директор", "Обаждане след две седмици", "Подготовка на договор",
         "Демонстрация за оперативния екип", "Изпращане на мостри", "Покана за посещение в нашия офис",
         "Уточняване на графика за доставки", "Изпращане на референции", "Среща за годишния преглед",
         "Подготовка на анекс към договора", "Проверка дали офертата е получена"];

    public static readonly string[] Tasks =
        ["Подгответе оферта за подновяване на договора", "Уговорете среща с финансовия директор",
         "Изпратете обобщение от последната среща", "Проверете статуса на поръчката", "Поканете клиента на годишното събитие",
         "Обсъдете условията за следващата година", "Подгответе презентация за ръководството на клиента"];

    /// <summary>
    /// How firms spell the words of their names in their web domains where that is not letter for letter: the
    /// loanwords go back to their English spelling (Травъл → travel, not "traval").
    /// </summary>
    private static readonly Dictionary<string, string> Spellings = new(StringComparer.Ordinal)
    {
        ["Техно"] = "techno", ["Евро"] = "euro", ["Глобал"] = "global", ["Юнион"] = "union", ["Интер"] = "inter", ["Еко"] = "eco",
        ["Алфа"] = "alpha", ["Вектор"] = "vector", ["Зенит"] = "zenith", ["Стандарт"] = "standard", ["Сириус"] = "sirius",
        ["Софт"] = "soft", ["Системс"] = "systems", ["Дигитал"] = "digital", ["Клауд"] = "cloud", ["Инфотех"] = "infotech",
        ["Дейта"] = "data", ["Консулт"] = "consult", ["Баланс"] = "balance", ["Финанс"] = "finance", ["Одит"] = "audit",
        ["Билд"] = "build", ["Инженеринг"] = "engineering", ["Конструкт"] = "construct", ["Инвест"] = "invest", ["Стийл"] = "steel",
        ["Металтрейд"] = "metaltrade", ["Текс"] = "tex", ["Текстил"] = "textile", ["Фешън"] = "fashion", ["Фуудс"] = "foods",
        ["Милк"] = "milk", ["Фрукт"] = "fruit", ["Фарм"] = "pharm", ["Фарма"] = "pharma", ["Логистик"] = "logistic",
        ["Карго"] = "cargo", ["Експрес"] = "express", ["Турс"] = "tours", ["Травъл"] = "travel", ["Хотели"] = "hotels",
        ["Енерджи"] = "energy", ["Солар"] = "solar", ["Пауър"] = "power", ["Трейд"] = "trade", ["Комерс"] = "commerce",
        ["Дистрибюшън"] = "distribution", ["Импекс"] = "impex", ["Медиа"] = "media", ["Адвъртайзинг"] = "advertising",
        ["Комюникейшънс"] = "communications",
    };

    /// <summary>A word of a company name as its web domain spells it.</summary>
    public static string Spelt(string word) => Spellings.TryGetValue(word, out var spelt) ? spelt : Slug(word);

    /// <summary>Bulgarian Cyrillic in Latin letters by the official streamlined system (Цветелина → Tsvetelina).</summary>
    public static string ToLatin(string text)
    {
        var latin = new StringBuilder(text.Length + 4);
        foreach (var c in text)
        {
            var lower = char.ToLowerInvariant(c);
            var letters = lower switch
            {
                'а' => "a", 'б' => "b", 'в' => "v", 'г' => "g", 'д' => "d", 'е' => "e", 'ж' => "zh", 'з' => "z", 'и' => "i",
                'й' => "y", 'к' => "k", 'л' => "l", 'м' => "m", 'н' => "n", 'о' => "o", 'п' => "p", 'р' => "r", 'с' => "s",
                'т' => "t", 'у' => "u", 'ф' => "f", 'х' => "h", 'ц' => "ts", 'ч' => "ch", 'ш' => "sh", 'щ' => "sht",
                'ъ' => "a", 'ь' => "y", 'ю' => "yu", 'я' => "ya", _ => null,
            };
            if (letters is null)
            {
                latin.Append(c);
            }
            else
            {
                latin.Append(c == lower ? letters : char.ToUpperInvariant(letters[0]) + letters[1..]);
            }
        }

        return latin.ToString();
    }

    /// <summary>Lower-case ASCII letters and digits only: an e-mail address's local part or a domain label.</summary>
    public static string Slug(string text) =>
        new([.. ToLatin(text).Normalize(NormalizationForm.FormD).Where(char.IsAsciiLetterOrDigit).Select(char.ToLowerInvariant)]);
}

/// <summary>First names by gender and surnames in Cyrillic; a woman's surname takes the feminine ending "-а".</summary>
internal sealed record PeopleNames(string[] Male, string[] Female, string[] Surnames);
