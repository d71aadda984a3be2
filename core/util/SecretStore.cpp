#include "util/SecretStore.h"

#include "util/Log.h"

#include <QCoreApplication>

#include <qt6keychain/keychain.h>

namespace gd {
namespace {

QString readableError(QKeychain::Job *job)
{
    switch (job->error()) {
    case QKeychain::NoError:
        return {};
    case QKeychain::EntryNotFound:
        return QCoreApplication::translate("SecretStore", "No token is saved for this account.");
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return QCoreApplication::translate("SecretStore", "Access to the keychain was denied.");
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return QCoreApplication::translate(
            "SecretStore", "No keychain is available on this system to store the token.");
    default:
        return QCoreApplication::translate("SecretStore", "The keychain reported an error: %1")
            .arg(job->errorString());
    }
}

template<typename JobT> JobT *makeKeyJob(QObject *parent, const QString &key)
{
    auto *job = new JobT(SecretStore::serviceName(), parent);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    return job;
}

template<typename JobT> JobT *makeJob(QObject *parent, const QString &accountId)
{
    return makeKeyJob<JobT>(parent, SecretStore::tokenKey(accountId));
}

} // namespace

SecretStore::SecretStore(QObject *parent)
    : QObject(parent)
{}

QString SecretStore::serviceName()
{
    return QStringLiteral("GroupDesk");
}

QString SecretStore::tokenKey(const QString &accountId)
{
    return QStringLiteral("gateway-token/") + accountId;
}

void SecretStore::writeToken(const QString &accountId, const QString &token, DoneCallback done)
{
    auto *job = makeJob<QKeychain::WritePasswordJob>(this, accountId);
    job->setTextData(token);
    connect(job, &QKeychain::Job::finished, this, [accountId, done](QKeychain::Job *j) {
        const bool ok = j->error() == QKeychain::NoError;
        if (!ok)
            qCWarning(lcEngine) << "keychain write failed for account" << accountId
                                << j->errorString();
        if (done)
            done(ok, readableError(j));
    });
    job->start();
}

void SecretStore::readToken(const QString &accountId, ReadCallback done)
{
    auto *job = makeJob<QKeychain::ReadPasswordJob>(this, accountId);
    connect(job, &QKeychain::Job::finished, this, [accountId, done](QKeychain::Job *j) {
        const bool ok = j->error() == QKeychain::NoError;
        if (!ok)
            qCWarning(lcEngine) << "keychain read failed for account" << accountId
                                << j->errorString();
        const QString token
            = ok ? static_cast<QKeychain::ReadPasswordJob *>(j)->textData() : QString();
        if (done)
            done(ok, token, readableError(j));
    });
    job->start();
}

void SecretStore::deleteToken(const QString &accountId, DoneCallback done)
{
    auto *job = makeJob<QKeychain::DeletePasswordJob>(this, accountId);
    connect(job, &QKeychain::Job::finished, this, [accountId, done](QKeychain::Job *j) {
        const bool ok = j->error() == QKeychain::NoError || j->error() == QKeychain::EntryNotFound;
        if (!ok)
            qCWarning(lcEngine) << "keychain delete failed for account" << accountId
                                << j->errorString();
        if (done)
            done(ok, ok ? QString() : readableError(j));
    });
    job->start();
}

void SecretStore::deleteSecret(const QString &key, DoneCallback done)
{
    auto *job = makeKeyJob<QKeychain::DeletePasswordJob>(this, key);
    connect(job, &QKeychain::Job::finished, this, [key, done](QKeychain::Job *j) {
        const bool ok = j->error() == QKeychain::NoError || j->error() == QKeychain::EntryNotFound;
        if (!ok)
            qCWarning(lcEngine) << "keychain delete failed for" << key << j->errorString();
        if (done)
            done(ok, ok ? QString() : readableError(j));
    });
    job->start();
}

QString SecretStore::smtpPasswordKey()
{
    return QStringLiteral("smtp-password");
}

void SecretStore::writeSecret(const QString &key, const QString &secret, DoneCallback done)
{
    auto *job = makeKeyJob<QKeychain::WritePasswordJob>(this, key);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this, [key, done](QKeychain::Job *j) {
        const bool ok = j->error() == QKeychain::NoError;
        if (!ok)
            qCWarning(lcEngine) << "keychain write failed for" << key << j->errorString();
        if (done)
            done(ok, readableError(j));
    });
    job->start();
}

void SecretStore::readSecret(const QString &key, ReadCallback done)
{
    auto *job = makeKeyJob<QKeychain::ReadPasswordJob>(this, key);
    connect(job, &QKeychain::Job::finished, this, [key, done](QKeychain::Job *j) {
        const bool ok = j->error() == QKeychain::NoError;
        if (!ok)
            qCWarning(lcEngine) << "keychain read failed for" << key << j->errorString();
        const QString secret
            = ok ? static_cast<QKeychain::ReadPasswordJob *>(j)->textData() : QString();
        if (done)
            done(ok, secret, readableError(j));
    });
    job->start();
}

} // namespace gd
