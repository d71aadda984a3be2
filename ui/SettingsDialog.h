#pragma once
// Preferences: language, theme, font size, notifications, send pacing and
// closing to the tray. Shows the values of AppSettings and writes them back
// on OK; the window applies theme and font at once, the rest as noted.

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QSpinBox;

namespace gd {

class AppSettings;

class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(AppSettings *settings, QWidget *parent = nullptr);

    QComboBox *languageBox() const { return m_language; }
    QComboBox *themeBox() const { return m_theme; }
    QSpinBox *fontSizeBox() const { return m_fontSize; }
    QCheckBox *mentionsBox() const { return m_mentions; }
    QCheckBox *watchedBox() const { return m_watched; }
    QCheckBox *closeToTrayBox() const { return m_closeToTray; }
    QDoubleSpinBox *rateBox() const { return m_rate; }
    QSpinBox *burstBox() const { return m_burst; }
    QSpinBox *jitterBox() const { return m_jitter; }

    // Writes the dialog's values to the settings (OK does this).
    void apply();

private:
    AppSettings *m_settings;
    QComboBox *m_language;
    QComboBox *m_theme;
    QSpinBox *m_fontSize;
    QCheckBox *m_mentions;
    QCheckBox *m_watched;
    QCheckBox *m_closeToTray;
    QDoubleSpinBox *m_rate;
    QSpinBox *m_burst;
    QSpinBox *m_jitter;
};

} // namespace gd
