// Pinyin matching of Chinese names: initials, full syllables, mixes, every
// reading of polyphonic characters, and odd input that must not match or crash.

#include "text/Pinyin.h"

#include <QTest>

using gd::Pinyin;

class TstPinyin : public QObject
{
    Q_OBJECT
private slots:
    void tableIsLoadedFromUnihan()
    {
        QVERIFY2(Pinyin::characterCount() > 20000, "the generated table is missing or short");
        QVERIFY(Pinyin::readings(U'售').contains("shou"));
        QVERIFY(Pinyin::readings(U'A').isEmpty());
    }

    void polyphonicCharactersHaveEveryReading()
    {
        const QByteArrayList chang = Pinyin::readings(U'长');
        QVERIFY2(chang.contains("chang") && chang.contains("zhang"), chang.join(',').constData());
        const QByteArrayList xing = Pinyin::readings(U'行');
        QVERIFY(xing.contains("xing") && xing.contains("hang"));
        const QByteArrayList zhong = Pinyin::readings(U'重');
        QVERIFY(zhong.contains("zhong") && zhong.contains("chong"));
        // ü is written v, and no reading keeps a tone mark.
        QVERIFY(Pinyin::readings(U'绿').contains("lv"));
        for (const QByteArray &r : chang)
            QVERIFY(std::all_of(r.begin(), r.end(), [](char c) { return c >= 'a' && c <= 'z'; }));
    }

    void matchesInitials()
    {
        const auto m = Pinyin::match(u"售后队", u"shd");
        QVERIFY(m.matched);
        QCOMPARE(m.start, 0);
        QCOMPARE(m.length, 3);
        QVERIFY(Pinyin::match(u"星河电器", u"xhdq").matched);
        QVERIFY(Pinyin::match(u"星河电器", u"XHDQ").matched);
        QVERIFY(Pinyin::match(u"星河电器", u"x h d q").matched);
    }

    void matchesFullAndMixedPinyin()
    {
        QVERIFY(Pinyin::match(u"星河电器", u"xinghedianqi").matched);
        QVERIFY(Pinyin::match(u"星河电器", u"xinghedq").matched);
        QVERIFY(Pinyin::match(u"售后队", u"shouhoudui").matched);
        // "sh" then "d" needs backtracking: 售 takes only "s", 后 "h".
        QVERIFY(Pinyin::match(u"售后队", u"shoud").matched); // s + hou + d
        QVERIFY(!Pinyin::match(u"售后队", u"shouhoux").matched);
        QVERIFY(Pinyin::match(u"售后队", u"shouhd").matched);
        const auto inner = Pinyin::match(u"华东电器群", u"dq");
        QVERIFY(inner.matched);
        QCOMPARE(inner.start, 2); // 电器: 东 (dong) is d but 电 follows it, not q
        QCOMPARE(inner.length, 2);
    }

    void everyReadingOfAPolyphonicCharacterMatches()
    {
        QVERIFY(Pinyin::match(u"长沙分店", u"csfd").matched);
        QVERIFY(Pinyin::match(u"长沙分店", u"zsfd").matched);
        QVERIFY(Pinyin::match(u"长沙分店", u"changsha").matched);
        QVERIFY(Pinyin::match(u"长沙分店", u"zhangsha").matched);
        QVERIFY(Pinyin::match(u"银行客户", u"yhkh").matched);
        QVERIFY(Pinyin::match(u"银行客户", u"yxkh").matched);
        QVERIFY(Pinyin::match(u"绿植团购", u"lvzhi").matched);
        QVERIFY(Pinyin::match(u"绿植团购", u"luzhi").matched);
    }

    void mixesLatinDigitsAndChinese()
    {
        QVERIFY(Pinyin::match(u"VIP客户3群", u"vipkh3q").matched);
        const auto m = Pinyin::match(u"VIP客户3群", u"kh");
        QVERIFY(m.matched);
        QCOMPARE(m.start, 3);
        QCOMPARE(m.length, 2);
        QVERIFY(Pinyin::match(u"售后 队", u"shd").matched); // a space in the name
        // Beyond the BMP: U+20001 (qi) is a surrogate pair in UTF-16.
        const QString wide = QString::fromUcs4(U"\U00020001野家");
        const auto w = Pinyin::match(wide, u"qyj");
        QVERIFY(w.matched);
        QCOMPARE(w.length, 4);
    }

    void rejectsWhatDoesNotMatch()
    {
        QVERIFY(!Pinyin::match(u"售后队", u"shx").matched);
        QVERIFY(!Pinyin::match(u"星河电器", u"xhq").matched); // not a run of characters
        QVERIFY(!Pinyin::match(u"星河电器", u"").matched);
        QVERIFY(!Pinyin::match(u"", u"x").matched);
        QVERIFY(!Pinyin::match(u"售后队", u"dhs").matched);
        // A lone surrogate or control characters are just characters.
        const QString odd = QString(QChar(0xD800)) + QStringLiteral("售\u0001后");
        QVERIFY(Pinyin::match(odd, u"sh").matched);
        QVERIFY(!Pinyin::match(odd, u"shq").matched);
    }

    void ranksDirectAndEarlyMatchesFirst()
    {
        QVERIFY(Pinyin::match(u"售后队", u"售后").score > Pinyin::match(u"售后队", u"sh").score);
        QVERIFY(Pinyin::match(u"售后服务", u"sh").score > Pinyin::match(u"华东售后", u"sh").score);
        QVERIFY(Pinyin::match(u"售后", u"sh").score > Pinyin::match(u"售后服务群", u"sh").score);
        const auto direct = Pinyin::match(u"华东VIP", u"vip");
        QVERIFY(direct.matched);
        QCOMPARE(direct.start, 2);
        QCOMPARE(direct.length, 3);
    }
};

QTEST_GUILESS_MAIN(TstPinyin)
#include "tst_pinyin.moc"
