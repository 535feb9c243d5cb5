// the webapp's 退出登录 with Keycloak lands on the portal's signed-out page (see the imported module)
import '../../huiqi-signed-out.js';
