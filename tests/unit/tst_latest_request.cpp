// LatestRequest: only the latest request's answer is used.

#include "util/LatestRequest.h"

#include <QTest>

using namespace gd;

class TestLatestRequest : public QObject
{
    Q_OBJECT

private slots:
    void onlyTheLatestTicketIsWanted()
    {
        LatestRequest requests;
        const LatestRequest::Ticket first = requests.next();
        QVERIFY(requests.isLatest(first));
        const LatestRequest::Ticket second = requests.next();
        QVERIFY(!requests.isLatest(first)); // a new query makes the old answer stale
        QVERIFY(requests.isLatest(second));
        // A second read for the same view goes stale with it.
        const LatestRequest::Ticket alongside = requests.current();
        QCOMPARE(alongside, second);
        requests.supersede(); // the view closed
        QVERIFY(!requests.isLatest(second));
        QVERIFY(!requests.isLatest(alongside));
        QVERIFY(requests.isLatest(requests.current()));
    }
};

QTEST_GUILESS_MAIN(TestLatestRequest)
#include "tst_latest_request.moc"
