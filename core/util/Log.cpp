#include "util/Log.h"

#include <QDateTime>
#include <QFile>
#include <QMutex>
#include <QTextStream>

#include <cstdio>

Q_LOGGING_CATEGORY(lcGateway, "gd.gateway")
Q_LOGGING_CATEGORY(lcEngine, "gd.engine")
Q_LOGGING_CATEGORY(lcStore, "gd.store")
Q_LOGGING_CATEGORY(lcSim, "gd.sim")
Q_LOGGING_CATEGORY(lcUi, "gd.ui")

namespace gd {
namespace {

QMutex g_logMutex;
QFile *g_logFile = nullptr;

void handleMessage(QtMsgType type, const QMessageLogContext &context, const QString &msg)
{
    const char *level = "debug";
    switch (type) {
    case QtDebugMsg:
        level = "debug";
        break;
    case QtInfoMsg:
        level = "info";
        break;
    case QtWarningMsg:
        level = "warn";
        break;
    case QtCriticalMsg:
        level = "error";
        break;
    case QtFatalMsg:
        level = "fatal";
        break;
    }
    const QString line
        = QStringLiteral("%1 %2 %3: %4\n")
              .arg(QDateTime::currentDateTime().toString(Qt::ISODateWithMs), QLatin1String(level),
                   QLatin1String(context.category ? context.category : "default"), msg);
    const QByteArray bytes = line.toUtf8();
    QMutexLocker lock(&g_logMutex);
    fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    if (g_logFile) {
        g_logFile->write(bytes);
        g_logFile->flush();
    }
}

} // namespace

void installLogHandler(const QString &logFilePath)
{
    QMutexLocker lock(&g_logMutex);
    if (!logFilePath.isEmpty() && !g_logFile) {
        auto *file = new QFile(logFilePath);
        if (file->open(QIODevice::Append | QIODevice::Text))
            g_logFile = file;
        else
            delete file;
    }
    qInstallMessageHandler(handleMessage);
}

} // namespace gd
