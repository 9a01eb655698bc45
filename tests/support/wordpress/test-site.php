<?php
/**
 * Plugin Name: Interlinear's test site
 * Description: A site that runs on 127.0.0.1 without a mail server.
 */

// WordPress's own mails (the install's "new site") go nowhere.
function wp_mail() {
	return true;
}
