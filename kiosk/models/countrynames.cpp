#include "countrynames.h"

#include <QHash>
#include <QLocale>

namespace fest {

namespace {

const QHash<QString, QString> &chineseNames()
{
    static const QHash<QString, QString> names{
        {"AE", "阿聯酋"}, {"AR", "阿根廷"}, {"AT", "奧地利"}, {"AU", "澳洲"}, {"BD", "孟加拉"},
        {"BE", "比利時"}, {"BR", "巴西"}, {"CA", "加拿大"}, {"CH", "瑞士"}, {"CL", "智利"},
        {"CN", "中國內地"}, {"CO", "哥倫比亞"}, {"CZ", "捷克"}, {"DE", "德國"}, {"DK", "丹麥"},
        {"EG", "埃及"}, {"ES", "西班牙"}, {"FI", "芬蘭"}, {"FR", "法國"}, {"GB", "英國"},
        {"GR", "希臘"}, {"HK", "香港"}, {"HU", "匈牙利"}, {"ID", "印尼"}, {"IE", "愛爾蘭"},
        {"IL", "以色列"}, {"IN", "印度"}, {"IR", "伊朗"}, {"IT", "意大利"}, {"JP", "日本"},
        {"KE", "肯尼亞"}, {"KR", "韓國"}, {"KZ", "哈薩克"}, {"MA", "摩洛哥"}, {"IS", "冰島"}, {"UZ", "烏茲別克"}, {"LB", "黎巴嫩"}, {"MO", "澳門"}, {"MX", "墨西哥"},
        {"MY", "馬來西亞"}, {"NG", "尼日利亞"}, {"NL", "荷蘭"}, {"NO", "挪威"}, {"NZ", "新西蘭"},
        {"PE", "秘魯"}, {"PH", "菲律賓"}, {"PK", "巴基斯坦"}, {"PL", "波蘭"}, {"PT", "葡萄牙"},
        {"RO", "羅馬尼亞"}, {"RU", "俄羅斯"}, {"SA", "沙特阿拉伯"}, {"SE", "瑞典"}, {"SG", "新加坡"},
        {"TH", "泰國"}, {"TR", "土耳其"}, {"TW", "台灣"}, {"UA", "烏克蘭"}, {"US", "美國"},
        {"VN", "越南"}, {"ZA", "南非"},
    };
    return names;
}

QString englishName(const QString &code)
{
    const QLocale::Territory territory = QLocale::codeToTerritory(code);
    if (territory == QLocale::AnyTerritory)
        return code;
    if (territory == QLocale::HongKong)
        return QStringLiteral("Hong Kong");  // Qt says "Hong Kong SAR China"; the festival says Hong Kong
    if (territory == QLocale::Macao)
        return QStringLiteral("Macao");
    return QLocale::territoryToString(territory);
}

} // namespace

QString CountryNames::name(const QString &code, DisplayLanguage::Language language)
{
    const QString upper = code.toUpper();
    if (language == DisplayLanguage::Language::Chinese) {
        const QString zh = chineseNames().value(upper);
        if (!zh.isEmpty())
            return zh;
    }
    return englishName(upper);
}

QString CountryNames::searchText(const QString &code)
{
    const QString upper = code.toUpper();
    return englishName(upper) + u' ' + chineseNames().value(upper);
}

} // namespace fest
