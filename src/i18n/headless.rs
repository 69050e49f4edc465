//! Messages of the headless driver (the `fail:` and `error:` prefixes are protocol, not text).

crate::messages! {
    /// Why a headless command failed or was refused.
    HeadlessMsg {
        ExpectMissing => "\"{text}\" staat niet op het scherm", "\"{text}\" is not on the screen";
        ExpectPresent => "\"{text}\" staat op het scherm", "\"{text}\" is on the screen";
        NowNotDemo => "'now' kan alleen op een demoregister (de klok van een echt register is de echte tijd)",
            "'now' only works on a demo register (a real register's clock is the real time)";
        Read => "kan het script niet lezen: {detail}", "cannot read the script: {detail}";
        Size => "'{size}' is geen schermmaat (BxH, 20x5 tot en met 500x200)",
            "'{size}' is not a screen size (WxH, 20x5 to 500x200)";
    }
}
