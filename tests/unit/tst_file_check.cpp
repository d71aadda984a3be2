// FileCheck: the type comes from the content, size limits hold before any
// read, and empty, missing or corrupt files are refused with a reason.

#include "util/FileCheck.h"

#include <QBuffer>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

using namespace gd;

namespace {

QByteArray png(int w = 40, int h = 30)
{
    QImage image(w, h, QImage::Format_RGB32);
    image.fill(Qt::red);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    QString path = dir.filePath(name);
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(bytes);
    return path;
}

} // namespace

class FileCheckTest : public QObject
{
    Q_OBJECT

private slots:
    void typeComesFromContentNotName_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<QString>("mime");
        QTest::newRow("png") << png() << "image/png";
        QTest::newRow("jpeg") << QByteArray("\xff\xd8\xff\xe0\x00\x10JFIF", 10) << "image/jpeg";
        QTest::newRow("gif") << QByteArray("GIF89a\x01\x00") << "image/gif";
        QTest::newRow("webp") << QByteArray("RIFF\x10\x00\x00\x00WEBPVP8 ", 16) << "image/webp";
        QTest::newRow("bmp") << (QByteArray("BM") + QByteArray(40, '\x01')) << "image/bmp";
        QTest::newRow("pdf") << QByteArray("%PDF-1.7\n...") << "application/pdf";
        QTest::newRow("docx") << QByteArray(
            "PK\x03\x04....[Content_Types].xml word/document.xml",
            48) << "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        QTest::newRow("zip") << QByteArray("PK\x03\x04 notes.txt", 14) << "application/zip";
        QTest::newRow("ole") << QByteArray("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8)
                             << "application/x-ole-storage";
        QTest::newRow("text") << QByteArray("订单 123 已发货\n") << "text/plain";
        QTest::newRow("binary") << QByteArray("\x00\x01\x02\x03garbage", 11)
                                << "application/octet-stream";
    }
    void typeComesFromContentNotName()
    {
        QFETCH(QByteArray, head);
        QFETCH(QString, mime);
        QCOMPARE(FileCheck::mimeFromContent(head), mime);
    }

    void pdfNamedLikeAnImageIsAFileNotAnImage()
    {
        const FileCheckResult r = FileCheck::checkBytes(QByteArray("%PDF-1.4\nhello\n%%EOF\n"),
                                                        QStringLiteral("photo.png"));
        // The content is a PDF, not an image: sent as what it is, refused as an image.
        QVERIFY(!r.isImage);
        QCOMPARE(r.mime, QStringLiteral("application/pdf"));
    }

    void pngNamedTxtIsAnImage()
    {
        const FileCheckResult r = FileCheck::checkBytes(png(), QStringLiteral("notes.txt"));
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(r.isImage);
        QCOMPARE(r.mime, QStringLiteral("image/png"));
    }

    void imageLimitAndFileLimitAreSeparate()
    {
        FileLimits limits;
        limits.maxImageBytes = 100;
        limits.maxFileBytes = 1000;
        const QByteArray image = png(200, 200);
        QVERIFY(image.size() > 100);
        FileCheckResult r = FileCheck::checkBytes(image, QStringLiteral("a.png"), limits);
        QVERIFY(!r.ok);
        QVERIFY(r.error.contains(QLatin1String("too large")));

        const QByteArray pdf = "%PDF-1.4\n" + QByteArray(500, 'x');
        r = FileCheck::checkBytes(pdf, QStringLiteral("a.pdf"), limits);
        QVERIFY2(r.ok, qPrintable(r.error));
        r = FileCheck::checkBytes("%PDF-1.4\n" + QByteArray(1500, 'x'), QStringLiteral("a.pdf"),
                                  limits);
        QVERIFY(!r.ok);
    }

    void oversizedFileIsRefusedWithoutReading()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("huge.bin"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.resize(300LL * 1024 * 1024)); // sparse: nothing is written
        f.close();
        const FileCheckResult r = FileCheck::checkFile(path);
        QVERIFY(!r.ok);
        QVERIFY(r.bytes.isEmpty());
        QVERIFY(r.error.contains(QLatin1String("too large")));
    }

    void emptyMissingAndCorruptFilesAreRefused()
    {
        QTemporaryDir dir;
        FileCheckResult r = FileCheck::checkFile(writeFile(dir, QStringLiteral("empty.pdf"), {}));
        QVERIFY(!r.ok);
        QVERIFY(r.error.contains(QLatin1String("empty")));

        r = FileCheck::checkFile(dir.filePath(QStringLiteral("nothere.png")));
        QVERIFY(!r.ok);
        QVERIFY(r.error.contains(QLatin1String("does not exist")));

        const QByteArray good = png(100, 80);
        r = FileCheck::checkFile(
            writeFile(dir, QStringLiteral("cut.png"), good.left(good.size() / 2)));
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(QLatin1String("damaged")), qPrintable(r.error));

        r = FileCheck::checkFile(
            writeFile(dir, QStringLiteral("fake.jpg"), QByteArray(64, '\x07')));
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(QLatin1String("not an image")), qPrintable(r.error));

        r = FileCheck::checkFile(writeFile(dir, QStringLiteral("good.png"), good));
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.bytes, good);
        QCOMPARE(r.size, qint64(good.size()));
    }
};

QTEST_GUILESS_MAIN(FileCheckTest)
#include "tst_file_check.moc"
