#include "SettingsDialog.h"

#include "AppSettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace gd {

namespace {
QLabel *note(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(QStringLiteral("settingsNote"));
    label->setWordWrap(true);
    label->setEnabled(false); // the muted colour of a hint
    return label;
}
} // namespace

SettingsDialog::SettingsDialog(AppSettings *settings, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_language(new QComboBox(this))
    , m_theme(new QComboBox(this))
    , m_fontSize(new QSpinBox(this))
    , m_mentions(new QCheckBox(tr("A message mentions the bot (@)"), this))
    , m_watched(new QCheckBox(tr("A customer writes in a watched group"), this))
    , m_closeToTray(
          new QCheckBox(tr("Closing the window keeps the accounts running in the tray"), this))
    , m_rate(new QDoubleSpinBox(this))
    , m_burst(new QSpinBox(this))
    , m_jitter(new QSpinBox(this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));

    m_language->addItem(tr("Same as the system"), QStringLiteral("system"));
    m_language->addItem(tr("English"), QStringLiteral("en"));
    m_language->addItem(tr("Simplified Chinese (简体中文)"), QStringLiteral("zh_CN"));
    m_language->setCurrentIndex(qMax(0, m_language->findData(settings->language())));

    m_theme->addItem(tr("Follow the system"), QVariant::fromValue(int(Theme::Mode::System)));
    m_theme->addItem(tr("Light"), QVariant::fromValue(int(Theme::Mode::Light)));
    m_theme->addItem(tr("Dark"), QVariant::fromValue(int(Theme::Mode::Dark)));
    m_theme->setCurrentIndex(qMax(0, m_theme->findData(int(settings->theme()))));

    m_fontSize->setRange(AppSettings::kMinFontSize - 1, AppSettings::kMaxFontSize);
    m_fontSize->setSpecialValueText(tr("Default")); // the minimum stands for 0
    m_fontSize->setSuffix(tr(" pt"));
    m_fontSize->setValue(settings->fontSize() == 0 ? m_fontSize->minimum() : settings->fontSize());

    m_mentions->setChecked(settings->notifyMentions());
    m_watched->setChecked(settings->notifyWatchedGroups());
    m_closeToTray->setChecked(settings->closeToTray());

    m_rate->setRange(0.01, 20.0);
    m_rate->setDecimals(2);
    m_rate->setSingleStep(0.1);
    m_rate->setSuffix(tr(" per second"));
    m_rate->setValue(settings->sendRatePerSecond());
    m_burst->setRange(1, 20);
    m_burst->setValue(settings->sendBurst());
    m_jitter->setRange(0, 10000);
    m_jitter->setSingleStep(50);
    m_jitter->setSuffix(tr(" ms"));
    m_jitter->setValue(settings->sendJitterMs());

    auto *look = new QGroupBox(tr("Appearance"), this);
    auto *lookForm = new QFormLayout(look);
    lookForm->addRow(tr("Language:"), m_language);
    lookForm->addRow(QString(), note(tr("A new language shows after GroupDesk restarts."), look));
    lookForm->addRow(tr("Theme:"), m_theme);
    lookForm->addRow(tr("Font size:"), m_fontSize);

    auto *notify = new QGroupBox(tr("Notify me when"), this);
    auto *notifyLayout = new QVBoxLayout(notify);
    notifyLayout->addWidget(m_mentions);
    notifyLayout->addWidget(m_watched);
    notifyLayout->addWidget(
        note(tr("Watch a group from its right-click menu in the group list."), notify));

    auto *pacing = new QGroupBox(tr("Send pacing (per account)"), this);
    auto *pacingForm = new QFormLayout(pacing);
    pacingForm->addRow(tr("Messages:"), m_rate);
    pacingForm->addRow(tr("Burst:"), m_burst);
    pacingForm->addRow(tr("Random delay up to:"), m_jitter);
    pacingForm->addRow(QString(),
                       note(tr("Slower pacing looks less like a bot to WeChat. Applies to "
                               "accounts when GroupDesk starts again."),
                            pacing));

    auto *window = new QGroupBox(tr("Window"), this);
    auto *windowLayout = new QVBoxLayout(window);
    windowLayout->addWidget(m_closeToTray);
    windowLayout->addWidget(note(tr("Quit from the File menu or the tray icon's menu."), window));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        apply();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(look);
    layout->addWidget(notify);
    layout->addWidget(pacing);
    layout->addWidget(window);
    layout->addStretch(1);
    layout->addWidget(buttons);
}

void SettingsDialog::apply()
{
    {
        const QSignalBlocker blocker(m_settings); // one changed() for the whole dialog
        m_settings->setLanguage(m_language->currentData().toString());
        m_settings->setTheme(Theme::Mode(m_theme->currentData().toInt()));
        m_settings->setFontSize(m_fontSize->value() == m_fontSize->minimum() ? 0
                                                                             : m_fontSize->value());
        m_settings->setNotifyMentions(m_mentions->isChecked());
        m_settings->setNotifyWatchedGroups(m_watched->isChecked());
        m_settings->setCloseToTray(m_closeToTray->isChecked());
        if (m_rate->value() != m_settings->sendRatePerSecond()
            || m_burst->value() != m_settings->sendBurst()
            || m_jitter->value() != m_settings->sendJitterMs())
            m_settings->setSendPacing(m_rate->value(), m_burst->value(), m_jitter->value());
    }
    emit m_settings->changed();
}

} // namespace gd
