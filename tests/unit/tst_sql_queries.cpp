// SqlQueries: the prepare-bind-run helper every repository uses. Pins that a
// null QString reaches a NOT NULL text column as '' (positional and named
// placeholders alike), while a real NULL is still refused with the driver's
// reason, on a real SQLite file.

#include "store/SqlQueries.h"

#include <QSqlDatabase>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace gd;

class TstSqlQueries : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_connection = QStringLiteral("tst_sql_queries");

    QSqlDatabase db() const { return QSqlDatabase::database(m_connection, false); }

    int rowsWithEmptyName()
    {
        QSqlQuery q(db());
        if (!SqlQueries::run(q, QStringLiteral("SELECT COUNT(*) FROM people WHERE name = ''"), {})
            || !q.next())
            return -1;
        return q.value(0).toInt();
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QSqlDatabase d = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
        d.setDatabaseName(m_dir.filePath(QStringLiteral("sql.db")));
        QVERIFY(d.open());
        QSqlQuery q(d);
        QString error;
        QVERIFY2(SqlQueries::exec(q, QStringLiteral("DROP TABLE IF EXISTS people"), {}, &error),
                 qPrintable(error));
        QVERIFY2(SqlQueries::exec(q,
                                  QStringLiteral("CREATE TABLE people (id INTEGER PRIMARY KEY,"
                                                 " name TEXT NOT NULL)"),
                                  {}, &error),
                 qPrintable(error));
    }

    void cleanup()
    {
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
    }

    void aNullStringIsBoundAsEmptyText()
    {
        QSqlQuery q(db());
        QString error;
        QVERIFY2(SqlQueries::exec(q, QStringLiteral("INSERT INTO people (id, name) VALUES (?, ?)"),
                                  {1, QString()}, &error),
                 qPrintable(error));
        QCOMPARE(rowsWithEmptyName(), 1);
        // A lookup by a null QString finds the '' row too.
        QVERIFY(SqlQueries::run(q, QStringLiteral("SELECT id FROM people WHERE name = ?"),
                                {QString()}));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 1);
    }

    void aNullStringIsBoundAsEmptyTextByName()
    {
        QSqlQuery q(db());
        QString error;
        QVERIFY2(SqlQueries::execNamed(
                     q, QStringLiteral("INSERT INTO people (id, name) VALUES (:id, :name)"),
                     {{QStringLiteral(":id"), 2}, {QStringLiteral(":name"), QString()}}, &error),
                 qPrintable(error));
        QCOMPARE(rowsWithEmptyName(), 1);
    }

    void aRealNullIsStillRefused()
    {
        QSqlQuery q(db());
        QString error;
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^query failed:")));
        QVERIFY(!SqlQueries::exec(q, QStringLiteral("INSERT INTO people (id, name) VALUES (?, ?)"),
                                  {3, QVariant()}, &error));
        QVERIFY2(error.contains(QLatin1String("NOT NULL")), qPrintable(error));
        QCOMPARE(rowsWithEmptyName(), 0);
    }

    void otherValuesAreBoundAsTheyAre()
    {
        QCOMPARE(SqlQueries::bindable(QStringLiteral("x")), QVariant(QStringLiteral("x")));
        QCOMPARE(SqlQueries::bindable(QString()), QVariant(QStringLiteral("")));
        QCOMPARE(SqlQueries::bindable(42), QVariant(42));
        QVERIFY(!SqlQueries::bindable(QVariant()).isValid());
    }
};

QTEST_GUILESS_MAIN(TstSqlQueries)
#include "tst_sql_queries.moc"
